package dev.fleetdeploy.core;

import java.util.List;

/**
 * A configured provider and the deployments to work on with it.
 *
 * @param targetName how the target is named in messages and in the report
 * @param ids the deployments given by id; empty when the target selects
 * @param selectsActive whether the deployments are the API's active ones ({@code select=active}), found before
 *     anything is done
 */
public record FleetTarget(
        TargetName targetName, FleetProvider provider, List<DeploymentId> ids, boolean selectsActive) {

    public FleetTarget {
        ids = List.copyOf(ids);
    }

    /** A target whose deployments are given by id. */
    public FleetTarget(TargetName targetName, FleetProvider provider, List<DeploymentId> ids) {
        this(targetName, provider, ids, false);
    }

    /** Null for the top-level configuration, else how messages name the target ("target 'eu'", "targets[2]"). */
    public String label() {
        return targetName.label();
    }

    /** "Datadog deployment 'abc'", prefixed with the target's label when there are several targets. */
    String name(DeploymentId id) {
        return name(DeploymentPart.whole(id));
    }

    /** "Azure Device Update deployment 'abc', subgroup 'dc1'", prefixed like {@link #name(DeploymentId)}. */
    String name(DeploymentPart part) {
        return targetName.prefix() + provider.kind().displayName() + " " + part.describe();
    }
}
