package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployments the fake knows, by id. The server answers from several threads, and a cancel must see and change
 * a deployment in one step, so every method is synchronized.
 */
final class FleetState {
    private final Map<String, FakeDeployment> deployments = new LinkedHashMap<>();
    /** Whether an id it does not hold names a running deployment with no hosts, which no cancel changes. */
    private boolean open;

    synchronized void open() {
        open = true;
    }

    synchronized void put(FakeDeployment deployment) {
        deployments.put(deployment.id(), deployment);
    }

    synchronized Optional<FakeDeployment> get(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    /** What a GET sees; a stopping deployment moves on towards its final state. */
    synchronized Optional<FakeDeployment> read(String id) {
        FakeDeployment deployment = deployments.get(id);
        if (deployment == null) {
            return open ? Optional.of(untracked(id)) : Optional.empty();
        }
        FakeDeployment seen = deployment.afterRead();
        deployments.put(id, seen);
        return Optional.of(seen);
    }

    private static FakeDeployment untracked(String id) {
        return FakeDeployment.of(id, "running", List.of());
    }

    /** The outcome of a cancel: the deployment as it is now, and whether the cancel was accepted. */
    record CancelOutcome(FakeDeployment deployment, boolean accepted) {}

    synchronized Optional<CancelOutcome> cancel(String id) {
        FakeDeployment deployment = deployments.get(id);
        if (deployment == null) {
            return open ? Optional.of(new CancelOutcome(untracked(id).stopping(), true)) : Optional.empty();
        }
        if (!deployment.cancelable()) {
            return Optional.of(new CancelOutcome(deployment, false));
        }
        FakeDeployment stopping = deployment.stopping();
        deployments.put(id, stopping);
        return Optional.of(new CancelOutcome(stopping, true));
    }
}
