package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.testing.MockServerTest;
import dev.fleetdeploy.testing.TestHttp;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The transport's streaming read, and requests that must never be sent twice. */
class StreamedAnswerTest extends MockServerTest {

    /** Half a second to read: a stalled answer ends soon. */
    private HttpTransport transport(int maxRetries) {
        return providers.transport(TestHttp.settings(Duration.ofSeconds(2), Duration.ofMillis(500), maxRetries, 4));
    }

    /** An answer with MockWebServer's own reason phrases ("HTTP 503 Server Error"). */
    private static MockResponse answer(int code, String body, String... headers) {
        return new MockResponse(code, Headers.of(headers), body);
    }

    /** Counts the bytes of the body, as a reader that holds none of them. */
    private static long count(InputStream body) throws java.io.IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static String bigBody(int bytes) {
        return "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
    }

    @Test
    void aSuccessfulBodyOfAnySizeGoesToTheReaderUncutAndTheAnswerKeepsOnlyItsStart() throws Exception {
        String body = bigBody(3 * 1024 * 1024);
        server.enqueue(answer(200, body));

        StreamedAnswer<Long> answer =
                transport(0).stream(ApiRequest.get(server.url("/big")).build(), StreamedAnswerTest::count);

        assertThat(answer.read()).isEqualTo(body.length()).isGreaterThan(HttpTransport.MAX_BODY_BYTES);
        assertThat(answer.response().code()).isEqualTo(200);
        assertThat(answer.response().body()).hasSize(StreamedAnswer.KEPT_BYTES).startsWith("{\"pad\":\"xxx");
        assertThat(answer.response().truncated()).isTrue();
        assertThat(log.text()).contains("[DEBUG] <- 200 OK for GET " + server.url("/big") + " in ");
    }

    @Test
    void anErrorAnswerIsReadAsAlwaysAndNeverHandedToTheReader() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .body("{\"errors\":[\"Deployment not found\"]}")
                .build());
        AtomicInteger reads = new AtomicInteger();

        StreamedAnswer<Long> answer =
                transport(3).stream(ApiRequest.get(server.url("/gone")).build(), body -> {
                    reads.incrementAndGet();
                    return 0L;
                });

        assertThat(reads).hasValue(0);
        assertThat(answer.read()).isNull();
        assertThat(ErrorText.of(answer.response())).isEqualTo("Deployment not found");
    }

    @Test
    void aBodyThatBreaksOffWhileReadIsNoAnswerAndAReadIsSentAgain() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(bigBody(200_000))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(answer(200, "{}"));

        StreamedAnswer<Long> answer =
                transport(2).stream(ApiRequest.get(server.url("/status")).build(), StreamedAnswerTest::count);

        assertThat(answer.read()).isEqualTo(2);
        assertThat(answer.response().attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRetryableErrorIsRetriedBeforeTheSuccessIsStreamed() throws Exception {
        server.enqueue(answer(503, ""));
        server.enqueue(answer(200, "{\"a\":1}"));

        StreamedAnswer<Long> answer =
                transport(2).stream(ApiRequest.get(server.url("/status")).build(), StreamedAnswerTest::count);

        assertThat(answer.read()).isEqualTo(7);
        assertThat(answer.response().attempts()).isEqualTo(2);
        assertThat(answer.response().body()).isEqualTo("{\"a\":1}");
        assertThat(answer.response().truncated()).isFalse();
    }

    private ApiRequest create() {
        return ApiRequest.post(server.url("/api/v2/fleet/deployments/configure"))
                .secretHeader("DD-API-KEY", Secret.of("api-key-0123456789"))
                .jsonBody("{\"data\":{\"type\":\"deployment\"}}")
                .neverRepeated()
                .build();
    }

    @Test
    void aJsonBodyIsSentAsApplicationJson() throws Exception {
        server.enqueue(answer(201, "{}"));

        transport(0).send(create());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"data\":{\"type\":\"deployment\"}}");
    }

    @Test
    void aRequestNeverRepeatedComesBackWithItsServerErrorAfterOneAttempt() throws Exception {
        server.enqueue(answer(503, ""));
        server.enqueue(answer(201, "{}"));

        ApiResponse response = transport(3).send(create());

        assertThat(response.code()).isEqualTo(503);
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRequestNeverRepeatedIsRepeatedAfterA429WhichTheApiAnswersUnread() throws Exception {
        server.enqueue(answer(429, "", "x-ratelimit-reset", "2"));
        server.enqueue(answer(201, "{}"));

        ApiResponse response = transport(3).send(create());

        assertThat(response.code()).isEqualTo(201);
        assertThat(response.attempts()).isEqualTo(2);
    }

    @Test
    void aRequestNeverRepeatedThatGotNoAnswerIsNotSentAgainAndSaysItMayHaveApplied() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(answer(201, "{}"));

        assertThatThrownBy(() -> transport(3).send(create())).isInstanceOfSatisfying(UnreachableException.class, e -> {
            assertThat(e.requestMayHaveApplied()).isTrue();
            assertThat(e.getMessage()).contains("(not repeated: it may have been carried out)");
            assertThat(e.hint()).startsWith("The request may still have been applied");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRequestNeverRepeatedIsSentAgainWhenTheConnectionWasNeverMade() throws Exception {
        int port = server.getPort();
        server.close();
        HttpTransport closedServer = transport(1);

        assertThatThrownBy(() -> closedServer.send(
                        ApiRequest.post(okhttp3.HttpUrl.get("http://127.0.0.1:" + port + "/configure"))
                                .jsonBody("{}")
                                .neverRepeated()
                                .build()))
                .isInstanceOfSatisfying(UnreachableException.class, e -> {
                    assertThat(e.requestMayHaveApplied()).isFalse();
                    assertThat(e.getMessage()).contains("could not connect").contains("(2 attempts)");
                });
    }

    @Test
    void aDryRunShowsAJsonBodyAsItWouldBeSent() {
        assertThat(transport(0).plan(create(), null).headers())
                .contains(
                        "DD-API-KEY: ****",
                        "Content-Type: application/json",
                        "body: {\"data\":{\"type\":\"deployment\"}}");
    }
}
