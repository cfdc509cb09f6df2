package dev.fleetdeploy.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looks for one setting in several places, in order; the first place with a non-blank value wins. When none has
 * one, the message names every place that was looked at, in the order they were tried.
 */
public final class SettingLookup {
    private final String what;
    private final List<String> places = new ArrayList<>();
    private Found found;

    /** A value and where it came from ("the DD_SITE environment variable"). */
    public record Found(String value, String origin) {
        @Override
        public String toString() {
            return "Found[origin=" + origin + "]";
        }
    }

    private SettingLookup(String what) {
        this.what = what;
    }

    /** @param what the setting, for the message ("Datadog API key") */
    public static SettingLookup of(String what) {
        return new SettingLookup(what);
    }

    /** @param place how the user sets it there, in words ("the DD_API_KEY environment variable") */
    public SettingLookup then(String place, Supplier<Optional<String>> value) {
        places.add(place);
        if (found == null) {
            value.get().map(String::strip).filter(v -> !v.isEmpty()).ifPresent(v -> found = new Found(v, place));
        }
        return this;
    }

    public Optional<Found> find() {
        return Optional.ofNullable(found);
    }

    public Found require() {
        return find().orElseThrow(() -> new ConfigurationException(missingMessage()));
    }

    public String missingMessage() {
        return "No " + what + " found: set " + alternatives() + ".";
    }

    /** The places looked at, as alternatives: "a, b or c". */
    public String alternatives() {
        return joinAlternatives(places);
    }

    static String joinAlternatives(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
