package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.DD_CANCEL;
import static dev.fleetdeploy.faults.FaultAnswers.datadogCanceled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.ClosedPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection fails: refused, dropped after the request arrived, silent past readTimeout, a body that stalls, is
 * cut short or trickles in, a connection that never completes. Each is retried as far as maxRetries allows, with
 * the backoff in fake time, and ends in real time within a small bound because the timeouts are tiny.
 */
class ConnectionFaultsTest {
    private static final Duration SHORT_READ = Duration.ofMillis(300);
    private static final String RESET_HINT = "The request may still have been applied: check the deployment with the"
            + " deployment-status goal before trying again, and raise readTimeout if the API is slow.";
    private static final String NETWORK_HINT =
            "Check the network, the proxy settings in settings.xml, and the site or" + " endpoint (and baseUrl).";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig rig() {
        return FaultRig.datadog(FaultRig.baseUrl(server));
    }

    private String hostPort() {
        return "127.0.0.1:" + server.getPort();
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedAndNothingMayHaveBeenApplied() throws Exception {
        int port = ClosedPort.number();

        Run run = FaultRig.datadog("http://127.0.0.1:" + port).cancel("dep-1");

        assertThat(run.message())
                .startsWith(
                        "Datadog cancel of deployment 'dep-1' failed: could not connect to 127.0.0.1:" + port + " (")
                .endsWith(") (4 attempts). " + NETWORK_HINT);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(run.log().lines())
                .filteredOn(line -> line.startsWith("[INFO] POST http://127.0.0.1:" + port + DD_CANCEL
                        + ": could not connect to 127.0.0.1:" + port))
                .hasSize(3)
                .allMatch(line -> line.matches(".*; retrying in \\d+ s \\(retry \\d of 3\\)\\."));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        run.assertNoSecretShown(run.message());
    }

    @Test
    void aConnectionDroppedAfterTheCancelArrivedIsRepeatedAndTheRepeatSucceeds() throws Exception {
        server.enqueue(FaultAnswers.closeAfterRequest());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        assertThat(run.success().action().state()).isEqualTo("stopping");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(run.log().lines())
                .anyMatch(line -> line.startsWith("[INFO] POST " + FaultRig.baseUrl(server) + DD_CANCEL
                                + ": the connection to " + hostPort() + " failed (")
                        && line.endsWith("; retrying in 2 s (retry 1 of 3)."));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        run.assertNoSecretShown();
    }

    @Test
    void aConnectionShutDownOnEveryAttemptEndsSayingTheCancelMayHaveBeenApplied() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(FaultAnswers.dropAfterRequest());
        }

        Run run = rig().retries(2).cancel("dep-1");

        assertThat(run.message())
                .startsWith(
                        "Datadog cancel of deployment 'dep-1' failed: the connection to " + hostPort() + " failed (")
                .endsWith(" (3 attempts). " + RESET_HINT)
                .hasSizeLessThan(600);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        run.assertNoSecretShown(run.message());
    }

    @Test
    void noAnswerWithinReadTimeoutIsRetriedAndTheRepeatSucceeds() throws Exception {
        server.enqueue(FaultAnswers.stall());
        server.enqueue(datadogCanceled());

        Run run = rig().readTimeout(SHORT_READ).cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(run.log().lines())
                .contains("[INFO] POST " + FaultRig.baseUrl(server) + DD_CANCEL + ": no answer from " + hostPort()
                        + " within 0.3 s (readTimeout); retrying in 2 s (retry 1 of 3).");
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void noAnswerOnAnyAttemptEndsWithinTheTimeoutsAndSaysTheCancelMayHaveBeenApplied() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(FaultAnswers.stall());
        }

        Run run = rig().retries(2).readTimeout(SHORT_READ).cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: no answer from " + hostPort()
                        + " within 0.3 s (readTimeout) (3 attempts). " + RESET_HINT);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        // Three attempts of 0.3 s each, and nothing else real.
        assertThat(run.wallTime()).isBetween(Duration.ofMillis(850), Duration.ofSeconds(5));
        run.assertNoSecretShown(run.message());
    }

    @Test
    void headersThatComeAfterReadTimeoutCountAsNoAnswer() throws Exception {
        server.enqueue(
                FaultAnswers.status(200).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(datadogCanceled());

        Run run = rig().readTimeout(SHORT_READ).cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(2));
    }

    /** What goes wrong in a body, and the body: short, or 50 KB so that it is cut midway. */
    static Stream<Arguments> bodiesThatFailMidway() {
        return Stream.of(
                Arguments.of(
                        Named.of("stalls after the headers", SocketEffect.Stall.INSTANCE),
                        "{\"data\":{\"attributes\":{\"status\":\"stopping\"}}}"),
                Arguments.of(
                        Named.of("is cut short", new SocketEffect.CloseSocket()),
                        "{\"data\":{\"attributes\":{\"status\":\"stopping\",\"message\":\"" + "x".repeat(50_000)
                                + "\"}}}"));
    }

    @ParameterizedTest(name = "a body that {0} is retried")
    @MethodSource("bodiesThatFailMidway")
    void aBodyThatFailsMidwayIsRetriedAndTheRepeatSucceeds(SocketEffect effect, String body) throws Exception {
        server.enqueue(FaultAnswers.status(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .onResponseBody(effect)
                .build());
        server.enqueue(datadogCanceled());

        Run run = rig().readTimeout(SHORT_READ).cancel("dep-1");

        assertThat(run.success().action().message()).isEqualTo("Cancellation has been requested.");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBodyThatTricklesInCannotHoldTheBuildPastTheCallTimeout() throws Exception {
        // One byte every 100 ms keeps each read within readTimeout; only the bound on the whole exchange
        // (connectTimeout + readTimeout + 5 s = 5.6 s here) ends it.
        server.enqueue(FaultAnswers.status(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"x\":\"" + "y".repeat(500) + "\"}")
                .throttleBody(1, 100, TimeUnit.MILLISECONDS)
                .build());

        Run run = rig().retries(0)
                .connectTimeout(Duration.ofMillis(100))
                .readTimeout(Duration.ofMillis(500))
                .cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: the exchange with " + hostPort()
                        + " did not complete within 5.6 s (connectTimeout + readTimeout + 5 s). " + RESET_HINT);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.wallTime()).isBetween(Duration.ofMillis(5_000), Duration.ofSeconds(8));
    }

    @Test
    void aConnectionThatIsNeverAcceptedEndsAtConnectTimeout() throws Exception {
        // A listening socket that never accepts, its backlog filled: further SYNs go unanswered.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), 200);
                        fillers.add(filler);
                    } catch (IOException full) {
                        filler.close();
                        break;
                    }
                }
                String baseUrl = "http://127.0.0.1:" + listener.getLocalPort();
                FaultRig rig = FaultRig.datadog(baseUrl).retries(1).connectTimeout(Duration.ofMillis(300));

                Run run = rig.cancel("dep-1");

                assertThat(run.message())
                        .isEqualTo("Datadog cancel of deployment 'dep-1' failed: no connection to 127.0.0.1:"
                                + listener.getLocalPort() + " within 0.3 s (connectTimeout) (2 attempts). "
                                + NETWORK_HINT);
                assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
                assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aStatusReadIsRepeatedAfterTimeoutsAndResetsAlike() throws Exception {
        server.enqueue(FaultAnswers.stall());
        server.enqueue(FaultAnswers.closeAfterRequest());
        server.enqueue(FaultAnswers.datadogDeployment("running"));

        Run run = rig().readTimeout(SHORT_READ).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).isEqualTo("running");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aduIsRetriedAfterADroppedConnectionAndItsTokenGoesOnlyToItsHost() throws Exception {
        server.enqueue(FaultAnswers.dropAfterRequest());
        server.enqueue(FaultAnswers.aduDeployment(true, false));

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200: isCanceled=true, isRetried=false");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getTarget()).isEqualTo(FaultAnswers.ADU_CANCEL + "?api-version=2022-10-01");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FaultRig.ADU_TOKEN);
        }
        run.assertNoSecretShown();
    }

    @Test
    void aduRefusedConnectionIsReportedWithoutTheToken() throws Exception {
        int port = ClosedPort.number();

        Run run = FaultRig.adu("http://127.0.0.1:" + port).retries(1).cancel("dep-1");

        assertThat(run.message())
                .startsWith(
                        "Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: could not connect to 127.0.0.1:"
                                + port + " (")
                .endsWith(" (2 attempts). " + NETWORK_HINT);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        run.assertNoSecretShown(run.message());
    }
}
