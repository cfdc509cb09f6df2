package dev.fleetdeploy.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.testing.DatadogKeys;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestRunOptions;
import dev.fleetdeploy.testing.TestTargets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FleetExecutionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private final RecordingLog log = new RecordingLog();
    private final SecretMasker masker = new SecretMasker();

    private TargetSettings target(String label, Map<String, String> values, String id) {
        return TestTargets.of(label, values, TestIds.of(id), p -> label + " " + p);
    }

    private Map<String, String> datadogHere() {
        return Map.of("provider", "datadog", "baseUrl", "http://127.0.0.1:" + server.getPort());
    }

    private static final DatadogKeys KEYS = new DatadogKeys("exec-api-key-1", "exec-app-key-1");

    /** On the real clock, as a goal runs. */
    private static FleetExecution onSystemClock(TestExecution execution) {
        return execution.withEnvironment(KEYS.environment()).on(Clock.systemUTC(), Sleeper.SYSTEM);
    }

    private FleetExecution execution(List<TargetSettings> targets, boolean dryRun, boolean offline) {
        RunOptions options =
                TestRunOptions.of(dryRun, false, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, false, null);
        return onSystemClock(TestExecution.of(Operation.CANCEL, targets.toArray(TargetSettings[]::new))
                .with(options)
                .offline(offline));
    }

    @Test
    void aMistakeInAnyTargetStopsEverythingBeforeTheFirstRequest() {
        TargetSettings good = target("targets[1]", datadogHere(), "a");
        TargetSettings bad = target("targets[2]", Map.of("provider", "datadog", "site", "datadoghq.xyz"), "b");

        assertThatThrownBy(() -> execution(List.of(good, bad), false, false).run(log, masker))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Unknown Datadog site 'datadoghq.xyz' in targets[2] site");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void offlineRefusesToSendButADryRunStillPlans() throws InterruptedException {
        List<TargetSettings> targets = List.of(target(null, datadogHere(), "a"));
        assertThatThrownBy(() -> execution(targets, false, true).run(log, masker))
                .hasMessage("The build is offline, and cancel-deployment must reach the provider's API: run it online"
                        + " (in Maven, without -o); nothing was sent.");

        RunReport plan = execution(targets, true, true).run(log, masker);
        assertThat(plan.dryRun()).isTrue();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void everyTargetIsWorkedThroughOneTransportAndItsKeysAreMasked() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        Map<String, String> unstable = new java.util.HashMap<>(datadogHere());
        unstable.put("datadogApi", "unstable");

        RunReport report = execution(
                        List.of(target("targets[1]", unstable, "a"), target("targets[2]", unstable, "b")), false, false)
                .run(log, masker);

        assertThat(report.hasFailures()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(masker.mask("exec-api-key-1 exec-app-key-1")).isEqualTo("**** ****");
    }

    @Test
    void datadogRetryThroughTheUnstableApiIsRefusedBeforeKeysOrIdsAreLookedFor() {
        TargetSettings noKeysNoIds =
                TestTargets.of(Map.of("provider", "datadog", "datadogApi", "unstable"), TestIds.NONE);
        FleetExecution retry =
                TestExecution.of(Operation.RETRY, noKeysNoIds).offline(true).on(Clock.systemUTC(), Sleeper.SYSTEM);
        assertThatThrownBy(() -> retry.run(log, masker))
                .hasMessageStartingWith("Datadog has no retry operation: a retry creates a new deployment");
    }

    @Test
    void anOperationOneTargetLacksIsRefusedBeforeAnyTargetIsContacted() {
        Map<String, String> adu = Map.of(
                "provider", "adu",
                "baseUrl", "http://127.0.0.1:" + server.getPort(),
                "instance", "blue",
                "groupId", "g",
                "deviceClassId", "dc1",
                "accessToken", "exec-token-1");
        Map<String, String> unstable = new java.util.HashMap<>(datadogHere());
        unstable.put("datadogApi", "unstable");
        FleetExecution retry = onSystemClock(
                TestExecution.of(Operation.RETRY, target("targets[1]", adu, "a"), target("targets[2]", unstable, "b")));
        assertThatThrownBy(() -> retry.run(log, masker))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Datadog has no retry operation: a retry creates a new deployment");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void azureDeviceUpdateWithoutAnAccountIsRefusedBeforeAnythingIsSent() {
        TargetSettings adu = target(null, Map.of("provider", "adu", "instance", "blue", "groupId", "g"), "a");
        assertThatThrownBy(() -> execution(List.of(adu), false, false).run(log, masker))
                .hasMessage("No Azure Device Update account: set null endpoint to the account's host name"
                        + " (contoso.api.adu.microsoft.com), or null account to its name.");
    }
}
