package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A deployment as the fake server holds it. Immutable: the server replaces it as its state moves on.
 *
 * @param id the deployment id, decoded (as the user wrote it)
 * @param status the high-level status ({@code pending}, {@code running}, {@code stopping}, {@code completed}...)
 * @param hosts the hosts it targets
 * @param finalStatus the status a canceled deployment ends in once it has stopped
 * @param stoppingReads how many more reads still see {@code stopping} before the deployment reaches
 *     {@code finalStatus}: Datadog stops hosts in the background, so a GET right after cancel may still say stopping
 * @param info how it was made: author, query, update type, operations, target versions, start time
 */
public record FakeDeployment(
        String id,
        String status,
        List<FakeHost> hosts,
        String finalStatus,
        int stoppingReads,
        FakeDeploymentInfo info) {
    /** What Datadog lets cancel: "Only deployments with a pending or running status can be canceled". */
    static final Set<String> CANCELABLE = Set.of("pending", "running");

    public FakeDeployment {
        hosts = List.copyOf(hosts);
    }

    public static FakeDeployment of(String id, String status, List<FakeHost> hosts) {
        return new FakeDeployment(id, status, hosts, "canceled", 1, FakeDeploymentInfo.DEFAULT);
    }

    /** {@code count} hosts named host-01, host-02..., each in the state that goes with the deployment's status. */
    public static FakeDeployment withHosts(String id, String status, int count) {
        String hostStatus = switch (status) {
            case "completed", "succeeded" -> "succeeded";
            case "failed" -> "failed";
            case "pending" -> "pending";
            default -> "running";
        };
        List<FakeHost> hosts = IntStream.rangeClosed(1, count)
                .mapToObj(i -> FakeHost.of(String.format("host-%02d", i), hostStatus))
                .toList();
        return of(id, status, hosts);
    }

    public FakeDeployment withFinalStatus(String status, int readsWhileStopping) {
        return new FakeDeployment(id, this.status, hosts, status, readsWhileStopping, info);
    }

    /** A copy made as {@code info} says (author, query, update type, operations, versions, start time). */
    public FakeDeployment withInfo(FakeDeploymentInfo info) {
        return new FakeDeployment(id, status, hosts, finalStatus, stoppingReads, info);
    }

    /** A copy in another status, its hosts as they are. */
    public FakeDeployment withStatus(String status) {
        return new FakeDeployment(id, status, hosts, finalStatus, stoppingReads, info);
    }

    /** Whether it is still going: what {@code select=active} looks for. */
    boolean active() {
        return CANCELABLE.contains(status);
    }

    boolean cancelable() {
        return CANCELABLE.contains(status);
    }

    FakeDeployment stopping() {
        return new FakeDeployment(id, "stopping", hosts, finalStatus, stoppingReads, info);
    }

    /** The state the next read sees, and after which the deployment moves on (stopping, then final). */
    FakeDeployment afterRead() {
        if (!status.equals("stopping")) {
            return this;
        }
        if (stoppingReads > 0) {
            return new FakeDeployment(id, status, hosts, finalStatus, stoppingReads - 1, info);
        }
        return new FakeDeployment(
                id, finalStatus, hosts.stream().map(FakeHost::afterCancel).toList(), finalStatus, 0, info);
    }

    long hostsIn(String hostStatus) {
        return hosts.stream().filter(h -> h.status().equals(hostStatus)).count();
    }
}
