package dev.fleetdeploy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deployments the fake knows, by id, and the hosts of the fleet. The server answers from several threads, and a
 * cancel or a create must see and change the state in one step, so every method is synchronized.
 */
final class FleetState {
    /** Where the start times of the deployments a test adds begin: 2023-11-14, a minute apart, in order. */
    private static final long FIRST_START = 1_699_990_000L;

    private final Map<String, FakeDeployment> deployments = new LinkedHashMap<>();
    private final Set<String> extraHosts = new LinkedHashSet<>();
    private final List<String> created = new ArrayList<>();
    private long nextStart = FIRST_START;
    /** Reads a created deployment takes to finish, and in which status; 0 for never. */
    private int createdReadsToFinish;

    private String createdFinalStatus = "completed";
    private final Map<String, Integer> finishing = new java.util.HashMap<>();
    /** Whether an id it does not hold names a running deployment with no hosts, which no cancel changes. */
    private boolean open;

    synchronized void open() {
        open = true;
    }

    synchronized void createdFinish(int reads, String finalStatus) {
        createdReadsToFinish = reads;
        createdFinalStatus = finalStatus;
    }

    synchronized void put(FakeDeployment deployment) {
        FakeDeployment stamped = deployment.info().startedAt() == 0
                ? deployment.withInfo(deployment.info().withStartedAt(nextStart))
                : deployment;
        nextStart += 60;
        deployments.put(stamped.id(), stamped);
    }

    synchronized Optional<FakeDeployment> get(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    /** Every deployment, in the order they were added or created. */
    synchronized List<FakeDeployment> all() {
        return List.copyOf(deployments.values());
    }

    /** Hosts of the fleet that no deployment lists (yet). */
    synchronized void addHosts(List<String> hostnames) {
        extraHosts.addAll(hostnames);
    }

    /** Every host the fleet has: those of every deployment, then the ones added alone. */
    synchronized List<String> knownHosts() {
        Set<String> names = new LinkedHashSet<>();
        deployments.values().forEach(d -> d.hosts().forEach(h -> names.add(h.hostname())));
        names.addAll(extraHosts);
        return List.copyOf(names);
    }

    /** Whether a package deployment still pending or running lists any of these hosts. */
    synchronized boolean upgradeRunningOn(List<String> hostnames) {
        return deployments.values().stream()
                .filter(d -> d.active() && "update_package".equals(d.info().updateType()))
                .anyMatch(d -> d.hosts().stream().anyMatch(h -> hostnames.contains(h.hostname())));
    }

    /** The id the next real create gives its deployment: "created-1", "created-2"... */
    synchronized String nextCreatedId() {
        return "created-" + (created.size() + 1);
    }

    /** Adds a deployment a create made. */
    synchronized void created(FakeDeployment deployment) {
        created.add(deployment.id());
        deployments.put(deployment.id(), deployment);
        if (createdReadsToFinish > 0) {
            finishing.put(deployment.id(), createdReadsToFinish);
        }
    }

    /** The ids of the deployments creates made, in order. */
    synchronized List<String> createdIds() {
        return List.copyOf(created);
    }

    /** What a GET sees; a stopping deployment moves on towards its final state. */
    synchronized Optional<FakeDeployment> read(String id) {
        FakeDeployment deployment = deployments.get(id);
        if (deployment == null) {
            return open ? Optional.of(untracked(id)) : Optional.empty();
        }
        FakeDeployment seen = deployment.afterRead();
        Integer left = finishing.get(id);
        if (left != null) {
            // A created deployment runs, then finishes with every host done.
            if (left <= 1) {
                finishing.remove(id);
                String hostStatus = createdFinalStatus.equals("failed") ? "failed" : "succeeded";
                seen = FakeDeployment.of(
                                id,
                                createdFinalStatus,
                                seen.hosts().stream()
                                        .map(h -> new FakeHost(h.hostname(), hostStatus, null, h.packages()))
                                        .toList())
                        .withInfo(seen.info());
            } else {
                finishing.put(id, left - 1);
                seen = seen.withStatus("running");
            }
        }
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
