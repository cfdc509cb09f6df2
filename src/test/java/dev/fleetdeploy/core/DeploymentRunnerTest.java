package dev.fleetdeploy.core;

import static dev.fleetdeploy.core.ScriptedProvider.refusal;
import static dev.fleetdeploy.core.ScriptedProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.RunReports;
import dev.fleetdeploy.testing.TestRunOptions;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeploymentRunnerTest {
    private final RecordingLog log = new RecordingLog();
    private final FakeTime time = new FakeTime();

    private RunReport run(Operation operation, RunOptions options, FleetTarget... targets) throws InterruptedException {
        return new DeploymentRunner(log, options, MavenTerms.TERMS, time, time.clock())
                .run(operation, List.of(targets));
    }

    /** Runs the operation over these ids of the top-level target, which the scripted provider answers for. */
    private RunReport run(Operation operation, RunOptions options, ScriptedProvider provider, String... ids)
            throws InterruptedException {
        return run(operation, options, new FleetTarget(TargetName.TOP_LEVEL, provider, ids(ids)));
    }

    private static RunOptions options(boolean wait, int parallelism, boolean failuresAsWarnings) {
        return TestRunOptions.of(
                false, wait, Duration.ofSeconds(60), Duration.ofSeconds(10), parallelism, failuresAsWarnings, null);
    }

    private static List<DeploymentId> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(DeploymentId::new).toList();
    }

    @Test
    void everyDeploymentIsAttemptedEvenAfterOneFails() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerAction("b", refusal(404, "Not Found", "Deployment not found", "Check the deployment id."));
        RunReport report = run(Operation.CANCEL, options(false, 1, false), provider, "a", "b", "c");

        assertThat(provider.calls()).containsExactly("cancel a", "cancel b", "cancel c");
        assertThat(report.outcomes())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Succeeded", "Failed", "Succeeded");
        DeploymentOutcome.Failed failed = report.failures().get(0);
        assertThat(failed.message())
                .isEqualTo("Datadog cancel of deployment 'b' failed: HTTP 404 Not Found: Deployment not found."
                        + " Check the deployment id.");
        assertThat(failed.httpStatus()).isEqualTo(404);
        assertThat(log.lines())
                .contains(
                        "[ERROR] " + failed.message(),
                        "[INFO] Datadog deployment 'a': cancel requested (HTTP 200, state stopping)");
        assertThat(report.summary()).isEqualTo("Cancel: 2 of 3 deployments done; failed: b.");
    }

    @Test
    void everySubgroupIsAttemptedAndReportedOnItsOwn() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerParts("d", List.of("dc1", "dc2", "dc3"))
                .answerAction("d (subgroup dc2)", refusal(404, "Not Found", "Not Found", "Check the device class."));
        RunReport report = run(Operation.CANCEL, options(false, 1, false), provider, "d", "e");

        assertThat(provider.calls())
                .containsExactly(
                        "cancel d (subgroup dc1)", "cancel d (subgroup dc2)", "cancel d (subgroup dc3)", "cancel e");
        assertThat(report.outcomes())
                .extracting(o -> o.part().toString())
                .containsExactly("d (subgroup dc1)", "d (subgroup dc2)", "d (subgroup dc3)", "e");
        assertThat(log.lines())
                .contains(
                        "[INFO] Datadog deployment 'd' has 3 subgroups (dc1, dc2, dc3): each gets its own cancel.",
                        "[INFO] Datadog deployment 'd', subgroup 'dc3': cancel requested (HTTP 200, state stopping)",
                        "[ERROR] Datadog cancel of deployment 'd', subgroup 'dc2' failed: HTTP 404 Not Found: Not Found. Check the device class.");
        assertThat(report.summary()).isEqualTo("Cancel: 3 of 4 deployments done; failed: d (subgroup dc2).");
    }

    @Test
    void aDeploymentWhoseSubgroupsCannotBeListedFailsWholeAndTheOthersGoOn() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerParts("d", refusal(404, "Not Found", "Not Found", "Check the deployment id."));
        RunReport report = run(Operation.RETRY, options(false, 2, false), provider, "d", "e");

        assertThat(provider.calls()).containsExactly("retry e");
        assertThat(report.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.part().isWhole()).isTrue();
            assertThat(failed.message())
                    .isEqualTo("Datadog retry of deployment 'd' failed: HTTP 404 Not Found: Not Found."
                            + " Check the deployment id.");
        });
        assertThat(report.summary()).isEqualTo("Retry: 1 of 2 deployments done; failed: d.");
    }

    @Test
    void waitingAfterASubgroupCancelPollsThatSubgroup() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerParts("d", List.of("dc1"))
                .answerStatus("d (subgroup dc1)", status("Active", false), status("Canceled", true));
        RunReport report = run(Operation.CANCEL, options(true, 1, false), provider, "d");

        assertThat(provider.calls())
                .containsExactly("cancel d (subgroup dc1)", "status d (subgroup dc1)", "status d (subgroup dc1)");
        assertThat(report.summary()).isEqualTo("Cancel: 1 of 1 subgroup deployment done.");
    }

    @Test
    void anApiTextThatEndsASentenceGetsNoSecondPeriod() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerAction(
                        "a",
                        refusal(
                                400,
                                "Bad Request",
                                "Only pending or running deployments can be canceled.",
                                "Check its status."));
        RunReport report = run(Operation.CANCEL, options(false, 1, false), provider, "a");
        assertThat(report.failures().get(0).message())
                .isEqualTo("Datadog cancel of deployment 'a' failed: HTTP 400 Bad Request:"
                        + " Only pending or running deployments can be canceled. Check its status.");
    }

    @Test
    void failuresAreWarningsWhenFailOnErrorIsOff() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerAction("a", refusal(403, "Forbidden", "Forbidden", "Check the permissions."));
        run(Operation.CANCEL, options(false, 1, true), provider, "a");
        assertThat(log.lines())
                .contains(
                        "[WARNING] Datadog cancel of deployment 'a' failed: HTTP 403 Forbidden: Forbidden. Check the permissions.");
        assertThat(log.text()).doesNotContain("[ERROR]");
    }

    @Test
    void dryRunPlansAndCallsNothing() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider();
        RunOptions dryRun =
                TestRunOptions.of(true, false, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, false, null);
        RunReport report = run(Operation.CANCEL, dryRun, provider, "a");
        assertThat(provider.calls()).isEmpty();
        assertThat(report.outcomes()).singleElement().isInstanceOf(DeploymentOutcome.Planned.class);
        assertThat(log.lines())
                .contains("[INFO] [dry run]   POST https://api.example/a", "[INFO] [dry run]     DD-API-KEY: ****");
        assertThat(report.summary()).isEqualTo("Dry run: cancel of 1 deployment planned; nothing was sent.");
    }

    @Test
    void waitPollsUntilFinalStateAndLogsEachChange() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerStatus("a", status("stopping", false), status("stopping", false), status("canceled", true));
        RunReport report = run(Operation.CANCEL, options(true, 1, false), provider, "a");

        assertThat(provider.calls()).containsExactly("cancel a", "status a", "status a", "status a");
        // Nothing changed after the first poll: the next one comes half as late again.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
        DeploymentOutcome.Succeeded done =
                (DeploymentOutcome.Succeeded) report.outcomes().get(0);
        assertThat(done.status().state()).isEqualTo("canceled");
        assertThat(done.duration()).isEqualTo(Duration.ofSeconds(25));
        assertThat(log.lines())
                .containsSubsequence(
                        "[INFO] Datadog deployment 'a': stopping; 3 hosts: 1 succeeded",
                        "[INFO] Datadog deployment 'a': canceled; 3 hosts: 1 succeeded",
                        "[INFO] cancel of a on datadoghq.com done (canceled): 1 host updated before it stopped, 0 canceled, 0 failed");
    }

    @Test
    void pollingBacksOffWhileNothingChangesAndSpeedsUpWhenCountsMove() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerStatus(
                        "a",
                        status("running", false),
                        status("running", false),
                        status("running", false),
                        new DeploymentStatus(
                                "running", false, "hosts", 3L, java.util.Map.of("succeeded", 2L), List.of()),
                        status("done", true));
        run(Operation.STATUS, options(true, 1, false), provider, "a");

        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(15),
                        Duration.ofMillis(22_500),
                        Duration.ofSeconds(10));
        assertThat(log.lines())
                .contains("[INFO] status of a on datadoghq.com done (done): 1 host updated, 0 canceled, 0 failed");
    }

    @Test
    void waitGivesUpAtTheTimeoutAndSaysWhatStateItSaw() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerStatus("a", status("running", false));
        RunOptions options =
                TestRunOptions.of(false, true, Duration.ofSeconds(25), Duration.ofSeconds(10), 1, false, null);
        RunReport report = run(Operation.STATUS, options, provider, "a");

        // 10 + 15: the last pause is cut to the time left.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15));
        assertThat(RunReports.onlyFailure(report).message())
                .isEqualTo("Datadog status of deployment 'a' failed: it was still 'running' after waiting 25 s."
                        + " Check it again with the deployment-status goal, or raise waitTimeout.");
    }

    @Test
    void failedPollAfterASuccessfulCancelSaysTheCancelWasRequested() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerStatus(
                        "a",
                        refusal(
                                403,
                                "Forbidden",
                                "Forbidden",
                                "Check that the application key has the hosts_read permission."));
        RunReport report = run(Operation.CANCEL, options(true, 1, false), provider, "a");
        assertThat(RunReports.onlyFailure(report).message())
                .startsWith(
                        "Datadog deployment 'a': cancel was requested, but waiting for its final state failed: HTTP 403 Forbidden");
    }

    @Test
    void unexpectedErrorInOneDeploymentBecomesItsOutcome() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerAction("a", new IllegalStateException("boom"));
        RunReport report = run(Operation.CANCEL, options(false, 1, false), provider, "a", "b");
        assertThat(provider.calls()).containsExactly("cancel a", "cancel b");
        assertThat(RunReports.onlyFailure(report).problem())
                .contains("unexpected error")
                .contains("boom");
    }

    @Test
    void parallelRunKeepsTheUsersOrderInTheReport() throws InterruptedException {
        String[] many = IntStream.range(0, 20).mapToObj(i -> "d" + i).toArray(String[]::new);
        ScriptedProvider provider = new ScriptedProvider();
        RunReport report = run(Operation.CANCEL, options(false, 4, false), provider, many);
        assertThat(report.outcomes()).extracting(o -> o.id().value()).containsExactly(many);
        assertThat(provider.calls()).hasSize(20);
        assertThat(log.lines())
                .first()
                .asString()
                .isEqualTo("[INFO] Canceling 20 Datadog deployments ('d0', 'd1', 'd2', 'd3',"
                        + " 'd4', 'd5', 'd6', 'd7', 'd8', 'd9' and 10 more) on datadoghq.com, API v2.");
    }

    @Test
    void labelledTargetsAreNamedInMessages() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerAction("x", refusal(401, "Unauthorized", "Unauthorized", "Check the keys."));
        RunReport report = run(
                Operation.CANCEL,
                options(false, 1, false),
                new FleetTarget(TargetName.named("eu"), provider, ids("x")));
        assertThat(report.failures().get(0).message())
                .startsWith("target 'eu': Datadog cancel of deployment 'x' failed:");
        assertThat(log.lines())
                .contains("[INFO] target 'eu': Canceling Datadog deployment 'x' on datadoghq.com, API v2.");
        assertThat(report.summary()).isEqualTo("Cancel: 0 of 1 deployment done; failed: target 'eu':x.");
    }
}
