package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.testing.ClosedPort;
import dev.fleetdeploy.testing.MockServerTest;
import dev.fleetdeploy.testing.TestHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTransportTest extends MockServerTest {

    private HttpTransport transport(int maxRetries, Duration readTimeout, ProxyConfig... proxies) {
        return providers.transport(TestHttp.settings(Duration.ofSeconds(2), readTimeout, maxRetries, 4, proxies));
    }

    private HttpTransport transport(int maxRetries) {
        return transport(maxRetries, Duration.ofSeconds(5));
    }

    private ApiRequest post(String path) {
        return ApiRequest.post(server.url(path))
                .secretHeader("DD-API-KEY", Secret.of("api-key-0123456789"))
                .build();
    }

    /** An answer with MockWebServer's own reason phrases ("HTTP 503 Server Error"). */
    private static MockResponse answer(int code) {
        return new MockResponse(code, Headers.of(), "");
    }

    @Test
    void everyRequestCarriesAcceptAndAUserAgentNamingThePluginAndItsVersion() throws Exception {
        server.enqueue(answer(204));
        transport(0).send(post("/api/unstable/fleet/deployments/abc/cancel"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/unstable/fleet/deployments/abc/cancel");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent"))
                .startsWith("fleet-deployment-maven-plugin/" + UserAgent.version() + " (Java ");
        assertThat(UserAgent.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(request.getHeaders().get("DD-API-KEY")).isEqualTo("api-key-0123456789");
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .status("HTTP/1.1 503 Service Unavailable")
                .build());
        server.enqueue(answer(502));
        server.enqueue(answer(200));

        ApiResponse response = transport(3).send(post("/x"));

        assertThat(response.code()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(log.lines())
                .contains("[INFO] POST " + server.url("/x")
                        + " answered 503 Service Unavailable; retrying in 2 s (retry 1 of 3).");
    }

    /**
     * Datadog's window reset is how long a 429 waits, but says nothing on other answers (Datadog sends x-ratelimit-* on
     * every one); a huge hint is capped, so that an abort hook never hangs.
     */
    @ParameterizedTest(name = "{0} with {1}: {2} waits {3} s")
    @CsvSource({"429, x-ratelimit-reset, 7, 7", "503, x-ratelimit-reset, 55, 2", "429, Retry-After, 86400, 60"})
    void aRetryWaitsAsTheServerSaysWithinBounds(int code, String header, String value, long seconds) throws Exception {
        server.enqueue(new MockResponse(code, Headers.of(header, value), ""));
        server.enqueue(answer(200));

        assertThat(transport(3).send(post("/x")).code()).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(seconds));
    }

    @Test
    void retryAfterZeroIsRaisedToOneSecond() throws Exception {
        // Azure sends retry-after: 0 on every answer.
        MockResponse busy = new MockResponse(503, Headers.of("retry-after", "0"), "");
        server.enqueue(busy);
        server.enqueue(busy);
        server.enqueue(answer(200));
        transport(1).send(post("/x"));
        // OkHttp alone would repeat each of these at once, uncounted: one retry allowed means two requests.
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void afterTheLastRetryTheLastAnswerIsReturned() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .body("{\"errors\":[\"down\"]}")
                    .build());
        }
        ApiResponse response = transport(2).send(post("/x"));
        assertThat(response.code()).isEqualTo(503);
        assertThat(response.body()).contains("down");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void clientErrorsAndNotImplementedAreNotRetried() throws Exception {
        for (int code : new int[] {400, 401, 403, 404, 501}) {
            server.enqueue(answer(code));
            HttpTransport transport = transport(3);
            assertThat(transport.send(post("/x")).code()).isEqualTo(code);
            transport.close();
        }
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void redirectsAreNotFollowedSoKeysReachNoOtherHost() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse.Builder()
                    .code(307)
                    .addHeader("Location", elsewhere.url("/steal"))
                    .build());

            ApiResponse response = transport(3).send(post("/x"));

            assertThat(response.code()).isEqualTo(307);
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void aPostThatMayHaveArrivedIsRepeatedAfterATimeoutAndTheAnswerSaysSo() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(answer(400));

        ApiResponse response = transport(3, Duration.ofMillis(300)).send(post("/cancel"));

        // The provider learns that the first cancel may have been done, so that it can check before calling this a
        // failure.
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(response.earlierAttemptMayHaveApplied()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPostThatTimesOutEveryTimeIsReportedAsMaybeApplied() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(SocketEffect.Stall.INSTANCE)
                    .build());
        }

        assertThatThrownBy(() -> transport(2, Duration.ofMillis(300)).send(post("/cancel")))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("no answer from " + server.getHostName() + ":" + server.getPort()
                        + " within 0.3 s (readTimeout) (3 attempts)")
                .satisfies(e -> assertThat(((UnreachableException) e).hint())
                        .startsWith("The request may still have been applied"));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aGetIsRepeatedAfterATimeout() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        ApiResponse response = transport(3, Duration.ofMillis(300))
                .send(ApiRequest.get(server.url("/status")).build());

        assertThat(response.code()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void refusedConnectionsAreRetriedThenReported() throws IOException {
        int closedPort = ClosedPort.number();
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + closedPort + "/x");

        assertThatThrownBy(() -> transport(2).send(ApiRequest.post(url).build()))
                .isInstanceOf(UnreachableException.class)
                .hasMessageStartingWith("could not connect to 127.0.0.1:" + closedPort)
                .hasMessageEndingWith("(3 attempts)");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void debugLogShowsRequestsWithKeysMasked() throws Exception {
        server.enqueue(
                new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
        transport(0).send(post("/x"));
        assertThat(log.text())
                .contains("[DEBUG] -> POST " + server.url("/x") + " [DD-API-KEY: ****]")
                .contains("[DEBUG] <- 200 OK for POST")
                .doesNotContain("api-key-0123456789");
    }

    @Test
    void httpsGoesThroughTheProxyAsATunnelWithTheProxysCredentialsAndNoApiKeyInTheClear() throws Exception {
        server.enqueue(new MockResponse.Builder().code(403).build()); // The proxy refuses the tunnel.
        ProxyConfig proxy =
                new ProxyConfig("http", "127.0.0.1", server.getPort(), "proxy-user", Secret.of("proxy-pass-42"), null);
        ApiRequest request = ApiRequest.post(
                        HttpUrl.get("https://api.datadoghq.com/api/v2/fleet/deployments/abc/cancel"))
                .secretHeader("DD-API-KEY", Secret.of("api-key-0123456789"))
                .build();

        assertThatThrownBy(() -> transport(0, Duration.ofSeconds(5), proxy).send(request))
                .isInstanceOf(UnreachableException.class);

        RecordedRequest connect = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(connect.getMethod()).isEqualTo("CONNECT");
        assertThat(connect.getTarget()).isEqualTo("api.datadoghq.com:443");
        assertThat(connect.getHeaders().get("Proxy-Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("proxy-user", "proxy-pass-42"));
        assertThat(connect.getHeaders().get("User-Agent")).isEqualTo(UserAgent.value());
        assertThat(connect.getHeaders().names()).doesNotContain("DD-API-KEY");
    }

    @Test
    void dryRunPlanShowsEveryHeaderWithKeysMasked() {
        assertThat(transport(0).plan(post("/x"), null).headers())
                .containsExactly("DD-API-KEY: ****", "Accept: application/json", "User-Agent: " + UserAgent.value());
    }
}
