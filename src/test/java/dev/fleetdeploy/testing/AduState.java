package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployments the fake ADU knows, by id. The server answers from several threads, and a cancel, retry or status
 * read must see and change a deployment in one step, so every method is synchronized.
 */
final class AduState {
    private final Map<String, FakeAduDeployment> deployments = new LinkedHashMap<>();

    synchronized void put(FakeAduDeployment deployment) {
        deployments.put(deployment.id(), deployment);
    }

    /** Every deployment, in the order they were added. */
    synchronized java.util.List<FakeAduDeployment> all() {
        return java.util.List.copyOf(deployments.values());
    }

    /** The deployments of a group, oldest first. */
    synchronized java.util.List<FakeAduDeployment> ofGroup(String groupId) {
        return deployments.values().stream()
                .filter(d -> d.groupId().equals(groupId))
                .toList();
    }

    synchronized Optional<FakeAduDeployment> get(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    /** Adds or replaces one subgroup of a known deployment. */
    synchronized FakeAduDeployment putSubgroup(String deploymentId, FakeSubgroup subgroup) {
        FakeAduDeployment deployment = deployments.get(deploymentId);
        if (deployment == null) {
            throw new IllegalArgumentException(
                    "no deployment " + deploymentId + "; add it with deployment(group, id, classes) first");
        }
        FakeAduDeployment changed = deployment.withSubgroup(subgroup);
        deployments.put(deploymentId, changed);
        return changed;
    }

    /**
     * Looks up what the route names and applies its operation: to the one subgroup it names, or (v2, preview, GA
     * group paths) to all of them.
     */
    synchronized AduOutcome apply(AduRoute route) {
        FakeAduDeployment deployment = deployments.get(route.deploymentId());
        if (route.groupId() != null) {
            if (deployments.values().stream().noneMatch(d -> d.groupId().equals(route.groupId()))) {
                return new AduOutcome.Missing("Group", route.groupId());
            }
            if (deployment != null && !deployment.groupId().equals(route.groupId())) {
                deployment = null;
            }
        }
        if (deployment == null) {
            return new AduOutcome.Missing("Deployment", route.deploymentId());
        }
        String deviceClass = route.deviceClassId();
        if (deviceClass != null && deployment.subgroup(deviceClass).isEmpty()) {
            return new AduOutcome.Missing("DeviceClassSubgroup", deviceClass);
        }
        FakeAduDeployment after = switch (route.op()) {
            case READ -> deployment;
            case STATUS -> deployment.changing(deviceClass, FakeSubgroup::afterStatusRead);
            case CANCEL -> deployment.changing(deviceClass, FakeSubgroup::afterCancel);
            case RETRY -> retry(deployment, deviceClass);
        };
        if (after == null) {
            String which = deviceClass == null ? "" : " for device class '" + deviceClass + "'";
            return new AduOutcome.Conflict(
                    "DeploymentCanceled",
                    "Deployment '" + deployment.id() + "'" + which
                            + " has been canceled and cannot be retried; a canceled deployment cannot be reactivated.");
        }
        deployments.put(after.id(), after);
        return new AduOutcome.Done(after);
    }

    /** Retries the subgroups that are not canceled; null when every one it would retry is canceled. */
    private static FakeAduDeployment retry(FakeAduDeployment deployment, String deviceClass) {
        boolean anyRetriable = deployment.subgroups().stream()
                .filter(s -> deviceClass == null || s.deviceClassId().equals(deviceClass))
                .anyMatch(s -> !s.canceledAlready());
        if (!anyRetriable) {
            return null;
        }
        return deployment.changing(deviceClass, s -> s.canceledAlready() ? s : s.afterRetry());
    }
}
