package dev.fleetdeploy.core;

import java.util.Locale;
import java.util.Optional;

/** The fleet services the plugin knows, by the names the user writes in {@code provider}. */
public enum ProviderKind {
    DATADOG("Datadog"),
    AZURE_DEVICE_UPDATE("Azure Device Update");

    private final String displayName;

    ProviderKind(String displayName) {
        this.displayName = displayName;
    }

    /** "azure-device-update", as the user writes it in {@code provider} and the report names it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String displayName() {
        return displayName;
    }

    public static ProviderKind parse(Optional<String> value, String origin) {
        String raw = value.orElseThrow(
                () -> new ConfigurationException("No provider: set " + origin + " to datadog or azure-device-update."));
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "datadog" -> DATADOG;
            case "azure-device-update", "adu" -> AZURE_DEVICE_UPDATE;
            default ->
                throw new ConfigurationException("Unknown provider '" + Quoted.of(raw) + "' in " + origin
                        + ": use datadog or azure-device-update (alias adu).");
        };
    }
}
