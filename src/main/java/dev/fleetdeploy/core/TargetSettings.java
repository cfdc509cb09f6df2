package dev.fleetdeploy.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the user configured for one target (a provider, a site or account, credentials and the deployments to work
 * on), as raw text keyed by parameter name. Each provider reads and checks the values it understands.
 */
public final class TargetSettings {
    private static final Pattern UNRESOLVED_EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    private final String label;
    private final Map<String, String> values;
    private final DeploymentIdSources idSources;
    private final ParameterNaming naming;

    /**
     * @param label null for the top-level configuration, else how to name this target ("targets[2]")
     * @param values parameter name to raw value; null or blank values count as unset
     */
    public TargetSettings(
            String label, Map<String, String> values, DeploymentIdSources idSources, ParameterNaming naming) {
        this.label = label;
        this.values = new LinkedHashMap<>(values);
        this.idSources = idSources;
        this.naming = naming;
    }

    /**
     * The trimmed value of a parameter, empty when unset or blank.
     *
     * @throws ConfigurationException when the value still holds a {@code ${...}} expression the front end could not
     *     resolve (an unset environment variable, a missing property): sending it would only earn a confusing 401
     */
    public Optional<String> value(String parameter) {
        String raw = values.get(parameter);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (UNRESOLVED_EXPRESSION.matcher(trimmed).find()) {
            throw new ConfigurationException(
                    describe(parameter) + " is '" + Quoted.of(trimmed)
                            + "', an expression that was not resolved: set the variable or property it names, or remove the parameter.");
        }
        return Optional.of(trimmed);
    }

    /** How to name the parameter in a message. */
    public String describe(String parameter) {
        return naming.describe(parameter);
    }

    /** Null for the top-level configuration. */
    public String label() {
        return label;
    }

    /**
     * Reads and checks the target's deployment ids (a file is read on every call).
     *
     * @throws ConfigurationException when there is none, or one is blank or malformed
     */
    public List<DeploymentId> deploymentIds() {
        return idSources.collect(naming);
    }

    @Override
    public String toString() {
        // Values may be credentials: name the parameters only.
        return "TargetSettings[" + (label == null ? "top level" : label) + ", set: " + values.keySet() + "]";
    }
}
