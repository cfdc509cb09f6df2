package dev.fleetdeploy.maven;

import java.io.File;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw values of one level of configuration: the goal's own parameters, or one entry of {@code targets}.
 *
 * @param values parameter name to value; null or blank means not set
 */
record ConfigurationLayer(
        Map<String, String> values, String deploymentId, List<String> deploymentIds, File deploymentIdFile) {

    ConfigurationLayer {
        values = new LinkedHashMap<>(values);
    }

    boolean sets(String parameter) {
        String value = values.get(parameter);
        return value != null && !value.isBlank();
    }

    boolean setsAny(Collection<String> parameters) {
        return parameters.stream().anyMatch(this::sets);
    }

    boolean setsDeploymentIds() {
        return (deploymentId != null && !deploymentId.isBlank())
                || (deploymentIds != null && !deploymentIds.isEmpty())
                || deploymentIdFile != null;
    }

    @Override
    public String toString() {
        return "ConfigurationLayer" + values.keySet();
    }
}
