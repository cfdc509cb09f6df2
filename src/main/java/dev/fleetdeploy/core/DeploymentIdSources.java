package dev.fleetdeploy.core;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a target's deployment ids are written, as the user gave them. They are read and checked only once the
 * provider and its settings are known, so that a more basic mistake (no provider, an operation the provider lacks)
 * is reported first.
 *
 * @param commaSeparated one id, or several separated by commas ({@code deploymentId})
 * @param list ids one by one ({@code deploymentIds})
 * @param file a file of ids, one a line ({@code deploymentIdFile})
 */
public record DeploymentIdSources(Setting<String> commaSeparated, Setting<List<String>> list, Setting<Path> file) {

    /**
     * Reads and checks the ids (a file is read on every call).
     *
     * @throws ConfigurationException when there is none, or one is blank or malformed
     */
    public List<DeploymentId> collect() {
        return DeploymentIds.collect(this);
    }
}
