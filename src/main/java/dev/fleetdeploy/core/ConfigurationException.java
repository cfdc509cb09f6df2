package dev.fleetdeploy.core;

/**
 * A mistake in what the user configured, found before anything was sent.
 *
 * <p>The message is one sentence that names the wrong value and says how to fix it; it is shown as is, without a
 * stack trace.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
