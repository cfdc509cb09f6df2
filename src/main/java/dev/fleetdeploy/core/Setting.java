package dev.fleetdeploy.core;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One configured value, with the words that name where the user sets it ("site (-Dfleet.site)", "site of target
 * 'eu'"), so that a message about it says exactly what to change, whether it was set or not.
 *
 * <p>The front end checks what it can before handing a value down; a value it could not take (a Maven expression
 * left unresolved) travels as a {@code problem}, and reading it fails with that sentence. A setting that is never
 * read (a Datadog parameter in an ADU target) never fails.
 *
 * @param name how to name the parameter to the user
 * @param value the value, trimmed; null when unset
 * @param problem the sentence that refuses the value, or null
 */
public record Setting<T>(String name, T value, String problem) {

    public static <T> Setting<T> of(String name, T value) {
        return new Setting<>(name, value, null);
    }

    public static <T> Setting<T> unset(String name) {
        return new Setting<>(name, null, null);
    }

    /** A value the front end refuses, with the sentence that says why. */
    public static <T> Setting<T> refused(String name, String problem) {
        return new Setting<>(name, null, problem);
    }

    /**
     * The value, or null when unset.
     *
     * @throws ConfigurationException when the front end refused it
     */
    @Override
    public T value() {
        if (problem != null) {
            throw new ConfigurationException(problem);
        }
        return value;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value());
    }

    public boolean isSet() {
        return value() != null;
    }

    /**
     * The value read by {@code parser}, which is handed the value and how to name the parameter in its message;
     * empty when unset.
     */
    public <R> Optional<R> parse(BiFunction<String, String, R> parser) {
        return Optional.ofNullable(value()).map(text -> parser.apply(String.valueOf(text), name));
    }

    /** The same setting with its value converted (a path from a file name, say); unset stays unset. */
    public <R> Setting<R> map(Function<T, R> conversion) {
        return problem != null || value == null
                ? new Setting<>(name, null, problem)
                : new Setting<>(name, conversion.apply(value), null);
    }

    @Override
    public String toString() {
        // The value may be a credential: name the parameter only.
        return "Setting[" + name + (value == null ? ", unset" : "") + "]";
    }
}
