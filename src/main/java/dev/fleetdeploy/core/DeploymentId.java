package dev.fleetdeploy.core;

/**
 * A deployment's id, as the user gave it (trimmed).
 *
 * <p>Providers send it as one percent-encoded path segment; ids that no encoding can make safe ("." and "..", which
 * URL resolution would turn into a different path), ids with control characters or slashes (which some gateways
 * decode) and absurdly long ones are refused here.
 */
public record DeploymentId(String value) {
    /** Longer than any provider's ids (ADU's are at most 73 characters, Datadog's are short). */
    static final int MAX_LENGTH = 256;

    public DeploymentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a deployment id cannot be blank");
        }
    }

    /**
     * Checks one id from the user.
     *
     * @param raw the id as written
     * @param origin where it was written, for the message ("deploymentId (-Dfleet.deploymentId)")
     */
    public static DeploymentId parse(String raw, String origin) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            throw new ConfigurationException(
                    "The deployment id in " + origin + " is blank: give the id of the deployment.");
        }
        if (trimmed.equals(".") || trimmed.equals("..")) {
            throw new ConfigurationException("The deployment id '" + trimmed + "' in " + origin
                    + " is not a deployment id: give the id the provider returned when the deployment was created.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new ConfigurationException(
                        "The deployment id in " + origin
                                + " contains a control character (such as a line break): give one id, or separate several with commas.");
            }
        }
        // Ids may come from an API's answer too: none may reorder or split what a log shows.
        if (!WireText.line(trimmed).equals(trimmed)) {
            throw new ConfigurationException("The deployment id '" + Quoted.of(trimmed) + "' in " + origin
                    + " contains a bidi control, a line separator or a lone surrogate, which no deployment id has.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new ConfigurationException("The deployment id in " + origin + " has " + trimmed.length()
                    + " characters, more than any provider's (" + MAX_LENGTH + "): give the id alone.");
        }
        if (trimmed.indexOf('/') >= 0 || trimmed.indexOf('\\') >= 0) {
            throw new ConfigurationException("The deployment id '" + trimmed + "' in " + origin
                    + " contains a slash, which no deployment id has: give the id alone, not a path or URL.");
        }
        return new DeploymentId(trimmed);
    }

    /**
     * An id an API named (in a list, a group, a subgroup), taken only as it stands: one that a log line would show
     * escaped, or that {@link #parse} would refuse, is refused, since it is shown and sent as it is.
     */
    public static DeploymentId fromApi(String raw, String origin) {
        if (raw == null || !WireText.clean(raw).equals(raw)) {
            throw new ConfigurationException("The deployment id in " + origin + " is not printable as it stands.");
        }
        return parse(raw, origin);
    }

    @Override
    public String toString() {
        return value;
    }
}
