package dev.fleetdeploy.core;

import java.util.List;

/**
 * A configured provider and the deployments to work on with it.
 *
 * @param label null for the top-level configuration, else how the user names it ("targets[2]")
 */
public record FleetTarget(String label, FleetProvider provider, List<DeploymentId> ids) {

    public FleetTarget {
        ids = List.copyOf(ids);
    }

    /** "Datadog deployment 'abc'", prefixed with the target's label when there are several targets. */
    String name(DeploymentId id) {
        return name(DeploymentPart.whole(id));
    }

    /** "Azure Device Update deployment 'abc', subgroup 'dc1'", prefixed like {@link #name(DeploymentId)}. */
    String name(DeploymentPart part) {
        String name = provider.kind().displayName() + " " + part.describe();
        return label == null ? name : label + ": " + name;
    }
}
