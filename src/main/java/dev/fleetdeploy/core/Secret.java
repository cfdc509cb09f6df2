package dev.fleetdeploy.core;

import java.util.Objects;

/**
 * A credential (API key, application key, token, password).
 *
 * <p>Its {@link #toString()} never shows the value, so it cannot leak through logging, string concatenation or a
 * debugger's summary. Code that must send it calls {@link #reveal()}, and only at the moment it builds a request.
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank credential. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
