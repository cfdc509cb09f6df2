package dev.fleetdeploy.core;

/**
 * A deployment's id, as the user gave it (trimmed).
 *
 * <p>Providers send it as one percent-encoded path segment; ids that no encoding can make safe ("." and "..", which
 * URL resolution would turn into a different path) and ids with control characters are refused here.
 */
public record DeploymentId(String value) {

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
            throw new ConfigurationException("The deployment id in " + origin + " is blank: give the id of the deployment.");
        }
        if (trimmed.equals(".") || trimmed.equals("..")) {
            throw new ConfigurationException("The deployment id '" + trimmed + "' in " + origin
                    + " is not a deployment id: give the id the provider returned when the deployment was created.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new ConfigurationException("The deployment id in " + origin
                        + " contains a control character (such as a line break): give one id, or separate several with commas.");
            }
        }
        return new DeploymentId(trimmed);
    }

    @Override
    public String toString() {
        return value;
    }
}
