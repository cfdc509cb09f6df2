package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.DD_CANCEL;
import static dev.fleetdeploy.faults.FaultAnswers.datadogCanceled;
import static dev.fleetdeploy.faults.FaultAnswers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.testing.ClosedPort;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeDeployment;
import dev.fleetdeploy.testing.RecordingLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The whole execution is capped by executionTimeout: no retry wait, rate-limit pause, poll or single exchange may
 * go past it, and deployments whose turn comes after it are reported as not attempted. Measured on the fake clock,
 * except for the one exchange that must be cut in real time.
 */
class DeadlineFaultsTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final String NOT_ATTEMPTED = "not attempted: executionTimeout (10 s) ran out before its turn came."
            + " Raise executionTimeout or parallelism, and run the goal again for the deployments not attempted.";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig rig() {
        return FaultRig.datadog(FaultRig.baseUrl(server)).executionTimeout(TEN_SECONDS);
    }

    /** A 503 whose Retry-After (30 s) would pass the 10 s executionTimeout. */
    private static MockResponse busyFor30Seconds() {
        return status(503)
                .addHeader("Retry-After", "30")
                .body("{\"errors\":[\"busy\"]}")
                .build();
    }

    @Test
    void aRetryAfterThatWouldPassTheDeadlineIsNotWaitedFor() throws Exception {
        server.enqueue(busyFor30Seconds());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        // The failure itself says why no retry came, so that raising maxRetries is not the next thing the user tries.
        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: HTTP 503 Service Unavailable: busy."
                        + " Datadog had an error on its side: try again later, and see https://status.datadoghq.com."
                        + " Not retried: waiting 30 s would pass executionTimeout (10 s).");
        assertThat(run.log().lines())
                .contains("[INFO] POST " + FaultRig.baseUrl(server) + DD_CANCEL + " answered 503 Service"
                        + " Unavailable. Not retried: waiting 30 s would pass executionTimeout (10 s).");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
        run.assertNoSecretShown(run.message());
    }

    @Test
    void theFailureItselfSaysTheDeadlineStoppedTheRetries() throws Exception {
        server.enqueue(busyFor30Seconds());

        Run run = rig().cancel("dep-1");

        assertThat(run.message()).contains("executionTimeout");
    }

    @Test
    void backoffAfterFailedConnectionsStopsWhereTheNextWaitWouldPassTheDeadline() throws Exception {
        int port = ClosedPort.number();

        Run run = FaultRig.datadog("http://127.0.0.1:" + port)
                .executionTimeout(TEN_SECONDS)
                .cancel("dep-1");

        // Attempts at 0, 2 and 6 s; the next would start at 14 s.
        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: could not connect to 127.0.0.1:" + port)
                .endsWith(
                        " (3 attempts) (no retry: waiting 8 s would pass executionTimeout (10 s)). Check the network, the"
                                + " proxy settings in settings.xml, and the site or endpoint (and baseUrl).");
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitPauseThatWouldPassTheDeadlineLeavesTheNextDeploymentUnsent() throws Exception {
        server.enqueue(FaultAnswers.datadogRateLimited(30));
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1,dep-2");

        List<DeploymentOutcome> outcomes = run.report().outcomes();
        assertThat(((DeploymentOutcome.Failed) outcomes.get(0)).message())
                .startsWith(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 429 Too Many Requests: Too many requests.");
        assertThat(((DeploymentOutcome.Failed) outcomes.get(1)).message())
                .isEqualTo("Datadog cancel of deployment 'dep-2'"
                        + " failed: not sent: executionTimeout (10 s) would run out during the API's rate-limit pause. Raise"
                        + " executionTimeout, or lower the retries and waits that used it up.");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
    }

    /** The fake Datadog, whose deployments accept the cancel and then stay stopping for good. */
    private static FakeDatadog stoppingForGood(String... ids) {
        FakeDatadog fake = FakeDatadog.start(FaultRig.DD_API_KEY, FaultRig.DD_APP_KEY);
        for (String id : ids) {
            fake.addDeployment(FakeDeployment.withHosts(id, "running", 3).withFinalStatus("canceled", 1_000));
        }
        return fake;
    }

    @Test
    void waitingStopsBeforeTheDeadlineSoThatLaterDeploymentsAreStillCanceled() throws Exception {
        FaultRig rig;
        Run run;
        try (FakeDatadog fake = stoppingForGood("dep-1", "dep-2", "dep-3")) {
            rig = FaultRig.datadog(fake.url()).executionTimeout(TEN_SECONDS).waitForFinalState(Duration.ofSeconds(3));

            run = rig.cancel("dep-1,dep-2,dep-3");
        }

        // dep-1's wait gives up when no poll is left before the deadline (polls at 3 s, then 4.5 s later): the cancels
        // of dep-2 and dep-3 still go out, and only their waits are cut short.
        List<DeploymentOutcome.Failed> failures = run.report().failures();
        assertThat(failures)
                .hasSize(3)
                .allSatisfy(failed -> assertThat(failed.message())
                        .contains(
                                "cancel was requested, but waiting for its final state failed: it was still 'stopping' when"
                                        + " executionTimeout (10 s) ran out."));
        for (String id : List.of("dep-1", "dep-2", "dep-3")) {
            assertThat(rig.log.lines())
                    .anyMatch(line -> line.startsWith("[INFO] Datadog deployment '" + id + "': cancel requested"));
        }
        assertThat(run.waited()).isLessThan(TEN_SECONDS);
        rig.assertNoSecretShown(run.report().summary());
    }

    @Test
    void waitingThatRunsIntoTheDeadlineNamesTheLastStateItSaw() throws Exception {
        Run run;
        try (FakeDatadog fake = stoppingForGood("dep-1")) {
            run = FaultRig.datadog(fake.url())
                    .executionTimeout(TEN_SECONDS)
                    .waitForFinalState(Duration.ofSeconds(3))
                    .cancel("dep-1");
        }

        assertThat(run.message())
                .isEqualTo("Datadog deployment 'dep-1': cancel was requested, but waiting for its final state"
                        + " failed: it was still 'stopping' when executionTimeout (10 s) ran out. Check it again with the"
                        + " deployment-status goal, or raise executionTimeout.");
    }

    @Test
    void slowAnswersUseUpTheBudgetAndTheRestAreNotAttempted() throws Exception {
        FaultRig rig = rig();
        // Each answer takes 6 s of the execution's (fake) time.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                rig.time.sleep(Duration.ofSeconds(6));
                return datadogCanceled();
            }
        });

        Run run = rig.cancel("dep-1,dep-2,dep-3");

        assertThat(run.report().outcomes())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Succeeded", "Succeeded", "Failed");
        assertThat(run.report().failures())
                .singleElement()
                .extracting(DeploymentOutcome.Failed::message)
                .isEqualTo("Datadog cancel of deployment 'dep-3' failed: " + NOT_ATTEMPTED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDeadlineThatHasPassedSendsNothing() throws Exception {

        Run run = FaultRig.datadog(FaultRig.baseUrl(server))
                .executionTimeout(Duration.ZERO)
                .cancel("dep-1,dep-2");

        assertThat(run.report().failures())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.problem())
                        .isEqualTo("not attempted: executionTimeout (0 s) ran out before its turn came"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aduRetryAfterPastTheDeadlineIsNotWaitedForEither() throws Exception {
        server.enqueue(FaultAnswers.aduError(500, "InternalServerError", "Try later.")
                .newBuilder()
                .addHeader("retry-after", "45")
                .build());

        Run run = FaultRig.adu(FaultRig.baseUrl(server))
                .executionTimeout(TEN_SECONDS)
                .cancel("dep-1");

        assertThat(run.message())
                .startsWith("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP 500"
                        + " Internal Server Error: Try later. (InternalServerError).");
        assertThat(run.log().text()).contains(". Not retried: waiting 45 s would pass executionTimeout (10 s).");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noSingleExchangeOutlastsTheDeadlineInRealTime() throws IOException {
        // readTimeout is 30 s, but the execution has 1 s: the exchange is cut when the execution's time is up.
        server.enqueue(FaultAnswers.stall());
        RecordingLog log = new RecordingLog();
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                RetryPolicy.withRetries(3).withRandom(() -> 1.0),
                1,
                List.of());
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        try (HttpTransport transport = new HttpTransport(
                settings, log, MavenTerms.TERMS, Sleeper.SYSTEM, clock, Deadline.after(Duration.ofSeconds(1), clock))) {
            ApiRequest cancel = ApiRequest.post(server.url(DD_CANCEL))
                    .secretHeader("DD-API-KEY", Secret.of(FaultRig.DD_API_KEY))
                    .build();

            assertThatThrownBy(() -> transport.send(cancel))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageMatching(".*did not complete within [0-9.]+ s \\(what executionTimeout \\(1 s\\) left\\)"
                            + " \\(no retry: waiting 2 s would pass executionTimeout \\(1 s\\)\\)")
                    .satisfies(e -> assertThat(((UnreachableException) e).hint())
                            .startsWith("The request may still have been applied"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(1);
        FaultRig.assertNoSecretIn(log.text());
    }
}
