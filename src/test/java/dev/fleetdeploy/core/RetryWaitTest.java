package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.RunReports;
import dev.fleetdeploy.testing.TestRunOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code wait} after a retry does not end on a reading taken before the service took the retry up (see
 * {@link RetryStart}): a deployment just retried can still read "nothing in progress, 3 failed", which looks final.
 */
class RetryWaitTest {
    private final RecordingLog log = new RecordingLog();
    private final FakeTime time = new FakeTime();

    /** An ADU-like status: Active and final once nothing is in progress. */
    private static DeploymentStatus status(String state, long inProgress, long succeeded, long failed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("succeeded", succeeded);
        counts.put("failed", failed);
        counts.put("in progress", inProgress);
        return new DeploymentStatus(state, inProgress == 0, "devices", 6L, counts, List.of());
    }

    private RunReport retryAndWait(ScriptedProvider provider, Duration waitTimeout) throws InterruptedException {
        RunOptions options = TestRunOptions.of(false, true, waitTimeout, Duration.ofSeconds(10), 1, false, null);
        return new DeploymentRunner(log, options, MavenTerms.TERMS, time, time.clock())
                .run(
                        Operation.RETRY,
                        List.of(new FleetTarget(TargetName.TOP_LEVEL, provider, List.of(new DeploymentId("r")))));
    }

    private static DeploymentStatus lastStatus(RunReport report) {
        return ((DeploymentOutcome.Succeeded) report.outcomes().get(0)).status();
    }

    @Test
    void aReadingFromBeforeTheServiceTookTheRetryUpDoesNotEndTheWait() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerStatus(
                        "r",
                        status("Active", 0, 3, 3), // before the retry
                        status("Active", 0, 3, 3), // right after it: still the old reading
                        status("Active", 3, 3, 0), // taken up
                        status("Active", 0, 6, 0));

        RunReport report = retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(provider.calls()).containsExactly("status r", "retry r", "status r", "status r", "status r");
        assertThat(lastStatus(report).summary()).isEqualTo("Active; 6 devices: 6 succeeded, 0 failed, 0 in progress");
        assertThat(log.lines())
                .contains("[INFO] Datadog deployment 'r': reads final, but shows nothing of the retry yet (nothing in"
                        + " progress, 3 failed as before the retry, state 'Active'): waiting up to 120 s for the"
                        + " service to take it up.");
    }

    @Test
    void fewerFailedThanBeforeShowsTheRetryAtOnce() throws InterruptedException {
        ScriptedProvider provider =
                new ScriptedProvider().answerStatus("r", status("Active", 0, 3, 3), status("Active", 0, 5, 1));

        RunReport report = retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(time.sleeps()).isEmpty();
        assertThat(lastStatus(report).failed()).isEqualTo(1);
    }

    @Test
    void anotherStateThanBeforeShowsTheRetryAtOnce() throws InterruptedException {
        ScriptedProvider provider =
                new ScriptedProvider().answerStatus("r", status("Failed", 0, 3, 3), status("Active", 0, 3, 3));

        retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void nothingFailedBeforeMeansNothingToTakeUp() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerStatus("r", status("Active", 0, 6, 0));

        retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRetryThatNeverShowsIsTakenAsFinalAfterTheGraceWithAWarning() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerStatus("r", status("Active", 0, 3, 3));

        RunReport report = retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(report.failures()).isEmpty();
        Duration waited = time.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isGreaterThanOrEqualTo(RetryStart.GRACE).isLessThan(RetryStart.GRACE.plusSeconds(61));
        assertThat(log.lines())
                .contains("[WARNING] Datadog deployment 'r': the retry shows no effect 120 s after it was accepted"
                        + " (nothing in progress, 3 failed as before the retry, state 'Active'): taking this reading as"
                        + " final.");
    }

    @Test
    void theWaitTimeoutStillBoundsItAndSaysWhatItSaw() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerStatus("r", status("Active", 0, 3, 3));

        RunReport report = retryAndWait(provider, Duration.ofSeconds(30));

        assertThat(RunReports.onlyFailure(report).problem())
                .isEqualTo("it was still showing nothing of the retry (nothing in progress, 3 failed as before the"
                        + " retry, state 'Active') after waiting 30 s");
    }

    @Test
    void whenTheStatusBeforeCannotBeReadProgressAloneCounts() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider()
                .answerStatus(
                        "r",
                        ScriptedProvider.refusal(503, "Service Unavailable", "busy", "Try later."),
                        status("Active", 0, 3, 3),
                        status("Active", 2, 3, 1),
                        status("Active", 0, 6, 0));

        RunReport report = retryAndWait(provider, Duration.ofSeconds(600));

        assertThat(lastStatus(report).summary()).isEqualTo("Active; 6 devices: 6 succeeded, 0 failed, 0 in progress");
        assertThat(log.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("(nothing in progress, 3 failed, state 'Active'): waiting up to 120 s"));
    }

    @Test
    void aCancelWithWaitEndsOnTheFirstFinalReadingAsBefore() throws InterruptedException {
        ScriptedProvider provider = new ScriptedProvider().answerStatus("r", status("Canceled", 0, 3, 3));
        RunOptions options =
                TestRunOptions.of(false, true, Duration.ofSeconds(600), Duration.ofSeconds(10), 1, false, null);

        new DeploymentRunner(log, options, MavenTerms.TERMS, time, time.clock())
                .run(
                        Operation.CANCEL,
                        List.of(new FleetTarget(TargetName.TOP_LEVEL, provider, List.of(new DeploymentId("r")))));

        assertThat(provider.calls()).containsExactly("cancel r", "status r");
        assertThat(time.sleeps()).isEmpty();
    }
}
