package dev.fleetdeploy.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a target's deployment ids are written, as the user gave them. They are read and checked only once the
 * provider and its settings are known, so that a more basic mistake (no provider, an operation the provider lacks)
 * is reported first.
 *
 * @param commaSeparated {@code deploymentId}: one id or several separated by commas, or null
 * @param list {@code deploymentIds}, or null
 * @param file {@code deploymentIdFile}, or null
 */
public record DeploymentIdSources(String commaSeparated, List<String> list, Path file) {
    public static final DeploymentIdSources NONE = new DeploymentIdSources(null, null, null);

    public DeploymentIdSources {
        list = list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static DeploymentIdSources of(String commaSeparated) {
        return new DeploymentIdSources(commaSeparated, null, null);
    }

    /** Reads and checks the ids, naming parameters as {@code naming} does in any message. */
    public List<DeploymentId> collect(ParameterNaming naming) {
        return DeploymentIds.collect(commaSeparated, list, file, naming);
    }
}
