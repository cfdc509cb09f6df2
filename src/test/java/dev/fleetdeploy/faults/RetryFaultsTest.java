package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.DD_CANCEL;
import static dev.fleetdeploy.faults.FaultAnswers.datadogCanceled;
import static dev.fleetdeploy.faults.FaultAnswers.errors;
import static dev.fleetdeploy.faults.FaultAnswers.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.faults.FaultRig.Run;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datadog answers with a status that a retry may fix (408, 429, 500, 502, 503, 504), or one it cannot: the plugin
 * repeats the former up to maxRetries, waiting as the server's hint says (in order: {@code retry-after-ms} /
 * {@code x-ms-retry-after-ms}, {@code Retry-After}, {@code x-ratelimit-reset} on a 429), else 2, 4, 8 s with jitter,
 * a zero hint raised to 1 s and every wait capped at 60 s; it never repeats the latter. Waits are fake time.
 */
class RetryFaultsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig rig() {
        return FaultRig.datadog(FaultRig.baseUrl(server));
    }

    private String cancelUrl() {
        return FaultRig.baseUrl(server) + DD_CANCEL;
    }

    private static MockResponse transient503(String header, String value) {
        return status(503).addHeader(header, value).build();
    }

    @ParameterizedTest(name = "{0} once, then 200")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void aTransientStatusIsRetriedAfterTheBackoffAndTheCancelSucceeds(int code) throws Exception {
        server.enqueue(errors(code, "transient trouble"));
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        assertThat(run.success().action().summary())
                .isEqualTo("HTTP 200, state stopping: Cancellation has been requested.");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        String statusText = code + " "
                + switch (code) {
                    case 408 -> "Request Timeout";
                    case 429 -> "Too Many Requests";
                    case 500 -> "Internal Server Error";
                    case 502 -> "Bad Gateway";
                    case 503 -> "Service Unavailable";
                    default -> "Gateway Timeout";
                };
        assertThat(run.log().lines())
                .contains(
                        "[INFO] POST " + cancelUrl() + " answered " + statusText + "; retrying in 2 s (retry 1 of 3).");
        for (RecordedRequest request : List.of(server.takeRequest(), server.takeRequest())) {
            assertThat(request.getHeaders().get("DD-API-KEY")).isEqualTo(FaultRig.DD_API_KEY);
        }
        run.assertNoSecretShown(run.report().summary());
    }

    @ParameterizedTest(name = "{0} on every attempt")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 | Internal Server Error | Datadog had an error on its side: try again later, and see https://status.datadoghq.com. An earlier attempt got no clear answer and may still have been applied: check the deployment with the deployment-status goal.",
                "502 | Bad Gateway | Datadog had an error on its side: try again later, and see https://status.datadoghq.com. An earlier attempt got no clear answer and may still have been applied: check the deployment with the deployment-status goal.",
                "503 | Service Unavailable | Datadog had an error on its side: try again later, and see https://status.datadoghq.com. An earlier attempt got no clear answer and may still have been applied: check the deployment with the deployment-status goal.",
                "504 | Gateway Timeout | Datadog had an error on its side: try again later, and see https://status.datadoghq.com. An earlier attempt got no clear answer and may still have been applied: check the deployment with the deployment-status goal.",
                "429 | Too Many Requests | Datadog's rate limit was reached; wait a while before running again, or raise maxRetries.",
                "408 | Request Timeout | Check the request against Datadog's Fleet Automation API documentation."
            })
    void aTransientStatusOnEveryAttemptFailsAfterMaxRetriesWithTheLastAnswer(int code, String reason, String hint)
            throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(errors(code, "still down"));
        }

        Run run = rig().cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: HTTP " + code + " " + reason + ": still down. "
                        + hint);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(run.log().lines())
                .filteredOn(line -> line.contains("retrying in"))
                .hasSize(3)
                .last()
                .asString()
                .endsWith("; retrying in 8 s (retry 3 of 3).");
        run.assertNoSecretShown(run.message());
    }

    @ParameterizedTest(name = "{0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 422, 501})
    void anyOtherStatusIsNeverRetried(int code) throws Exception {
        server.enqueue(errors(code, "no repetition fixes this"));
        for (int i = 0; i < 3; i++) {
            server.enqueue(datadogCanceled());
        }

        Run run = rig().cancel("dep-1");

        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP " + code)
                .contains(": no repetition fixes this. ");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
        assertThat(run.log().text()).doesNotContain("retrying");
        run.assertNoSecretShown(run.message());
    }

    @Test
    void retryAfterMsComesFirst() throws Exception {
        server.enqueue(status(429)
                .addHeader("retry-after-ms", "1500")
                .addHeader("x-ms-retry-after-ms", "2500")
                .addHeader("Retry-After", "9")
                .addHeader("x-ratelimit-reset", "20")
                .build());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        run.success();
        assertThat(run.sleeps()).containsExactly(Duration.ofMillis(1500));
        assertThat(run.log().lines())
                .contains("[INFO] POST " + cancelUrl()
                        + " answered 429 Too Many Requests; retrying in 1.5 s (retry 1 of 3).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Azure's spelling of the millisecond hint comes before Retry-After | 503 | x-ms-retry-after-ms=2500; Retry-After=9 | 2500",
                "Retry-After in seconds comes before Datadog's rate-limit reset | 429 | Retry-After=9; x-ratelimit-reset=20 | 9000",
                "Datadog's rate-limit reset on anything but a 429 is no hint | 503 | x-ratelimit-reset=55 | 2000",
                "a zero Retry-After on a 503 is raised to 1 s too | 503 | Retry-After=0 | 1000",
                "Retry-After: soon is no hint | 503 | Retry-After=soon | 2000",
                "Retry-After: -5 is no hint | 503 | Retry-After=-5 | 2000",
                "Retry-After: 1.5 is no hint | 503 | Retry-After=1.5 | 2000",
                "Retry-After: Tomorrow, 12:00 is no hint | 503 | Retry-After=Tomorrow, 12:00 | 2000"
            })
    void theHintThatCountsSetsTheWait(String name, int code, String headers, long waitedMillis) throws Exception {
        MockResponse.Builder answer = status(code);
        for (String header : headers.split("; ")) {
            answer.addHeader(header.substring(0, header.indexOf('=')), header.substring(header.indexOf('=') + 1));
        }
        server.enqueue(answer.build());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofMillis(waitedMillis));
    }

    @ParameterizedTest(name = "Retry-After: now + {0} s waits {1} s")
    @CsvSource({"12, 12", "-60, 1", "86400, 60"})
    void retryAfterAsAnHttpDateWaitsUntilThenWithinOneAndSixtySeconds(long offsetSeconds, long waitedSeconds)
            throws Exception {
        FaultRig rig = rig();
        String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                rig.time.clock().instant().plusSeconds(offsetSeconds).atZone(ZoneOffset.UTC));
        server.enqueue(transient503("Retry-After", when));
        server.enqueue(datadogCanceled());

        Run run = rig.cancel("dep-1");

        run.success();
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(waitedSeconds));
    }

    @Test
    void datadogsRateLimitResetOnA429IsHowLongToWait() throws Exception {
        server.enqueue(FaultAnswers.datadogRateLimited(7));
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
        // The rate-limit gate holds for the same 7 s: they must not add up to 14.
        assertThat(run.waited()).isEqualTo(Duration.ofSeconds(7));
        assertThat(run.log().lines())
                .contains("[INFO] POST " + cancelUrl()
                        + " answered 429 Too Many Requests; retrying in 7 s (retry 1 of 3).");
    }

    @Test
    void aSuccessThatSaysTheWindowIsUsedUpHoldsTheNextRequestUntilItResets() throws Exception {
        // Datadog counts down x-ratelimit-remaining on every answer: at 0, the next request would earn a 429.
        server.enqueue(FaultAnswers.datadogCanceled()
                .newBuilder()
                .addHeader("x-ratelimit-remaining", "0")
                .addHeader("x-ratelimit-reset", "5")
                .build());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1,dep-2");

        assertThat(run.report().hasFailures()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}: {1} {2} waits {3} s")
    @CsvSource({
        "429, Retry-After, 0, 1",
        "500, retry-after-ms, 0, 1",
        "502, x-ms-retry-after-ms, 0, 1",
        "429, x-ratelimit-reset, 0, 1",
        "504, Retry-After, 0, 1",
        "429, Retry-After, 86400, 60",
        "503, Retry-After, 3600, 60",
        "429, x-ratelimit-reset, 3600, 60",
        "500, retry-after-ms, 600000, 60",
        "502, x-ms-retry-after-ms, 999999999, 60"
    })
    void aZeroHintIsRaisedToOneSecondAndEveryHintCappedAtSixty(int code, String header, String value, long seconds)
            throws Exception {
        server.enqueue(status(code).addHeader(header, value).build());
        server.enqueue(datadogCanceled());

        Run run = rig().cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(seconds));
        assertThat(run.waited()).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(run.log().text()).contains("; retrying in " + seconds + " s (retry 1 of 3).");
    }

    @Test
    void withoutHintsTheBackoffDoublesAndTheJitterTakesBetweenHalfAndAllOfIt() throws Exception {
        for (double jitter : new double[] {0.0, 0.5, 1.0}) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(errors(502, "bad gateway"));
            }
            server.enqueue(datadogCanceled());

            Run run = rig().jitter(() -> jitter).cancel("dep-1");

            run.success();
            long first = Math.round(1000 + 1000 * jitter);
            assertThat(run.sleeps())
                    .as("jitter " + jitter)
                    .containsExactly(
                            Duration.ofMillis(first), Duration.ofMillis(2 * first), Duration.ofMillis(4 * first));
        }
        assertThat(server.getRequestCount()).isEqualTo(12);
    }

    @Test
    void theRealJitterStaysWithinItsBounds() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(errors(500, "oops"));
        }
        server.enqueue(datadogCanceled());

        Run run = rig().jitter(
                        () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble())
                .cancel("dep-1");

        run.success();
        assertThat(run.sleeps()).hasSize(3);
        for (int retry = 1; retry <= 3; retry++) {
            long full = 2000L << (retry - 1);
            assertThat(run.sleeps().get(retry - 1).toMillis())
                    .as("wait before retry " + retry)
                    .isBetween(full / 2, full);
        }
    }

    @Test
    void theBackoffItselfIsCappedAtSixtySecondsAndTenRetriesAreTheMost() throws Exception {
        for (int i = 0; i < 11; i++) {
            server.enqueue(errors(503, "down for maintenance"));
        }

        Run run = rig().retries(10).cancel("dep-1");

        assertThat(run.message())
                .startsWith(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 503 Service Unavailable: down for maintenance.");
        assertThat(server.getRequestCount()).isEqualTo(11);
        assertThat(run.sleeps())
                .extracting(Duration::toSeconds)
                .containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L, 60L);
    }

    @Test
    void noRetriesMeansOneAttemptAndNoWait() throws Exception {
        server.enqueue(errors(503, "down"));
        server.enqueue(datadogCanceled());

        Run run = rig().retries(0).cancel("dep-1");

        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP 503 Service Unavailable: down.");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
    }

    @Test
    void aStatusReadIsRetriedLikeACancel() throws Exception {
        server.enqueue(errors(504, "gateway timeout"));
        server.enqueue(FaultAnswers.datadogDeployment("running"));

        Run run = rig().run(dev.fleetdeploy.core.Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).isEqualTo("running");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    private static MockResponse aduError(int code, String retryAfter) {
        return FaultAnswers.aduError(code, "Transient", "Please retry.")
                .newBuilder()
                .addHeader("retry-after", retryAfter)
                .build();
    }

    @ParameterizedTest(name = "ADU {0} with retry-after: 0, then 200")
    @ValueSource(ints = {408, 429, 500, 502, 504})
    void aduTransientStatusWithTheServicesRetryAfterZeroWaitsOneSecond(int code) throws Exception {
        // The live service sends retry-after: 0 on every answer: a zero hint, raised to 1 s.
        server.enqueue(aduError(code, "0"));
        server.enqueue(FaultAnswers.aduDeployment(true, false));

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200: isCanceled=true, isRetried=false");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(1));
        for (RecordedRequest request : List.of(server.takeRequest(), server.takeRequest())) {
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FaultRig.ADU_TOKEN);
        }
        run.assertNoSecretShown(run.report().summary());
    }

    @Test
    void aduServiceUnavailableWithTheServicesRetryAfterZeroWaitsOneSecondToo() throws Exception {
        server.enqueue(aduError(503, "0"));
        server.enqueue(FaultAnswers.aduDeployment(true, false));

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        run.success();
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "ADU {0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404, 409, 412, 422})
    void aduAnyOtherStatusIsNeverRetriedEvenWithItsRetryAfter(int code) throws Exception {
        server.enqueue(aduError(code, "0"));
        server.enqueue(FaultAnswers.aduDeployment(true, false));

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        assertThat(run.message())
                .startsWith("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP " + code)
                .contains(": Please retry. (Transient).");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
        run.assertNoSecretShown(run.message());
    }
}
