package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestRunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped halfway (a CI abort) still writes its report and job summary, from another thread, with what is
 * known: the outcomes so far, the deployments being worked on (their outcome unknown, naming the requests on their
 * way), and those whose turn had not come. The run's own end then writes nothing over them.
 */
class AbortReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final RecordingLog log = new RecordingLog();
    private final FakeTime time = new FakeTime();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private final List<String> canceled = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Thread run;

    @AfterEach
    void releaseTheRun() throws InterruptedException {
        release.countDown();
        if (run != null) {
            run.join(5_000);
        }
    }

    /** Cancels at once, except {@code slow}, whose cancel (or, with wait, status) hangs until the test releases it. */
    private final class SlowProvider extends ScriptedProvider {
        private final String slow;
        private final boolean slowStatus;
        private final Map<String, List<String>> subgroups;

        SlowProvider(String slow, boolean slowStatus, Map<String, List<String>> subgroups) {
            super("datadoghq.eu");
            this.slow = slow;
            this.slowStatus = slowStatus;
            this.subgroups = subgroups;
        }

        @Override
        public List<DeploymentPart> parts(Operation operation, DeploymentId id) {
            return subgroups.containsKey(id.value())
                    ? subgroups.get(id.value()).stream()
                            .map(s -> DeploymentPart.subgroup(id, s))
                            .toList()
                    : List.of(DeploymentPart.whole(id));
        }

        @Override
        public ActionResult cancel(DeploymentPart part) {
            canceled.add(part.toString());
            if (!slowStatus && part.toString().equals(slow)) {
                hang();
            }
            return new ActionResult(200, "stopping", "requested");
        }

        @Override
        public DeploymentStatus status(DeploymentPart part) {
            if (slowStatus && part.toString().equals(slow)) {
                hang();
            }
            return new DeploymentStatus("canceled", true, "hosts", 2L, Map.of("canceled", 2L), List.of());
        }

        private void hang() {
            worker.set(Thread.currentThread());
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private RunProgress startRun(FleetProvider provider, boolean wait, String... ids) throws InterruptedException {
        RunProgress progress = new RunProgress(MavenTerms.TERMS);
        RunOptions options =
                TestRunOptions.of(false, wait, Duration.ofSeconds(60), Duration.ofSeconds(1), 1, false, null);
        List<DeploymentId> deployments =
                java.util.Arrays.stream(ids).map(DeploymentId::new).toList();
        run = new Thread(() -> {
            try {
                new DeploymentRunner(log, options, MavenTerms.TERMS, time, time.clock())
                        .run(
                                Operation.CANCEL,
                                List.of(new FleetTarget(TargetName.TOP_LEVEL, provider, deployments)),
                                progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        run.start();
        assertThat(blocked.await(5, TimeUnit.SECONDS))
                .as("the slow deployment was reached")
                .isTrue();
        return progress;
    }

    private RunOutputs outputs() {
        return new RunOutputs(
                Optional.of(folder.resolve("target/fleet/cancel-deployment.json")),
                Optional.of(folder.resolve("step-summary.md")),
                new SecretMasker());
    }

    private JsonNode report() throws Exception {
        return JSON.readTree(
                folder.resolve("target/fleet/cancel-deployment.json").toFile());
    }

    @Test
    void theReportSaysWhatWasDoneWhatIsUnknownAndWhatWasNotAttempted() throws Exception {
        RunProgress progress = startRun(new SlowProvider("b", false, Map.of()), false, "a", "b", "c");
        progress.watch(() -> List.of(new InFlightRequest(
                worker.get(),
                "POST https://api.datadoghq.eu/api/v2/fleet/deployments/b/cancel",
                true,
                Duration.ofMillis(800))));
        RunOutputs outputs = outputs();

        outputs.abort(progress, log);

        JsonNode report = report();
        assertThat(report.path("stopped").asBoolean()).isTrue();
        assertThat(report.path("deploymentCount").asInt()).isEqualTo(3);
        assertThat(report.path("unknownCount").asInt()).isEqualTo(1);
        assertThat(report.path("notAttemptedCount").asInt()).isEqualTo(1);
        JsonNode entries = report.path("deployments");
        assertThat(entries.get(0).path("result").asText()).isEqualTo("succeeded");
        assertThat(entries.get(1).path("result").asText()).isEqualTo("unknown");
        assertThat(entries.get(1).path("message").asText())
                .isEqualTo("outcome unknown: the build was stopped while POST"
                        + " https://api.datadoghq.eu/api/v2/fleet/deployments/b/cancel (sent 0.8 s ago, no answer yet)"
                        + " was on its way: check it with the deployment-status goal.");
        assertThat(entries.get(2).path("result").asText()).isEqualTo("not-attempted");
        assertThat(log.lines())
                .contains(
                        "[WARNING] Stopped while POST https://api.datadoghq.eu/api/v2/fleet/deployments/b/cancel"
                                + " (sent 0.8 s ago, no answer yet) was on its way: its outcome is unknown.",
                        "[WARNING] Cancel stopped by the build's abort: 1 of 3 deployments done, 1 with their outcome"
                                + " unknown, 1 not attempted.");
        String summary = Files.readString(folder.resolve("step-summary.md"));
        assertThat(summary)
                .contains("| b | Datadog, datadoghq.eu | cancel | outcome unknown (build stopped) |")
                .contains("| c | Datadog, datadoghq.eu | cancel | not attempted (build stopped) |");
        assertThat(Files.list(folder.resolve("target/fleet"))).hasSize(1); // no temporary file left

        // The run's own end, if it comes, writes nothing over what the abort wrote.
        String written = Files.readString(folder.resolve("target/fleet/cancel-deployment.json"));
        release.countDown();
        run.join(5_000);
        assertThat(outputs.finish(new RunReport(Operation.CANCEL, false, List.of()), log))
                .as("the run's end wrote them")
                .isFalse();
        assertThat(Files.readString(folder.resolve("target/fleet/cancel-deployment.json")))
                .isEqualTo(written);
        assertThat(Files.readString(folder.resolve("step-summary.md"))).isEqualTo(summary);
    }

    @Test
    void afterTheAbortNoDeploymentNorSubgroupIsTakenUpSoNotAttemptedStaysTrue() throws Exception {
        RunProgress progress =
                startRun(new SlowProvider("b", false, Map.of("c", List.of("dc1", "dc2"))), false, "a", "b", "c", "d");

        outputs().abort(progress, log);
        release.countDown();
        run.join(5_000);

        assertThat(canceled).containsExactly("a", "b");
        assertThat(report().path("deployments").findValuesAsText("result"))
                .containsExactly("succeeded", "unknown", "not-attempted", "not-attempted");
    }

    @Test
    void aCancelDoneWhoseWaitWasCutShortIsASuccessThatSaysSo() throws Exception {
        RunProgress progress = startRun(new SlowProvider("a", true, Map.of()), true, "a");

        outputs().abort(progress, log);

        JsonNode entry = report().path("deployments").get(0);
        assertThat(entry.path("result").asText()).isEqualTo("succeeded");
        assertThat(entry.path("stopped").asBoolean()).isTrue();
        assertThat(entry.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(entry.path("message").asText())
                .isEqualTo("cancel requested (HTTP 200, state stopping: requested); the build was stopped while"
                        + " waiting for its final state: check it with the deployment-status goal.");
    }

    @Test
    void subgroupsAfterTheOneWorkedOnAreNotAttempted() throws Exception {
        RunProgress progress = startRun(
                new SlowProvider("d (subgroup dc2)", false, Map.of("d", List.of("dc1", "dc2", "dc3"))), false, "d");

        outputs().abort(progress, log);

        JsonNode entries = report().path("deployments");
        assertThat(entries).hasSize(3);
        assertThat(entries.findValuesAsText("result")).containsExactly("succeeded", "unknown", "not-attempted");
        assertThat(entries.findValuesAsText("subgroup")).containsExactly("dc1", "dc2", "dc3");
        // No request on its way at that moment: the message says so, and that an earlier one may have arrived.
        assertThat(entries.get(1).path("message").asText())
                .isEqualTo("outcome unknown: the build was stopped while the cancel was being worked on (no request on"
                        + " its way at that moment; an earlier attempt may have reached the service): check it with"
                        + " the deployment-status goal.");
    }

    @Test
    void anAbortAfterTheRunWroteItsFilesChangesNothing() throws Exception {
        RunOutputs outputs = outputs();
        outputs.finish(new RunReport(Operation.CANCEL, false, List.of()), log);
        String written = Files.readString(folder.resolve("target/fleet/cancel-deployment.json"));

        outputs.abort(new RunProgress(MavenTerms.TERMS), log);

        assertThat(Files.readString(folder.resolve("target/fleet/cancel-deployment.json")))
                .isEqualTo(written);
        assertThat(log.text()).doesNotContain("stopped");
    }
}
