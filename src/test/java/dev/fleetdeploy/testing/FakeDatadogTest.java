package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake over real loopback HTTP, so that the ITs can trust what it answers and records. */
class FakeDatadogTest {
    private static final String API_KEY = "test-api-key-1";
    private static final String APP_KEY = "test-app-key-2";

    private final FakeClient client = new FakeClient();
    private FakeDatadog fake;

    @BeforeEach
    void start() {
        fake = FakeDatadog.start(API_KEY, APP_KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void listensOnLoopbackWithAnEphemeralPort() {
        assertThat(fake.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
    }

    @Test
    void v2CancelAnswers200WithTheStoppingBodyAndMovesTheDeploymentToStopping() throws Exception {
        fake.deployment("k7Q-3mX-p9Z", "running", 2);

        HttpResponse<String> response = send("POST", "/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(FakeClient.answer(response))
                .isEqualTo(
                        "200 {\"data\":{\"id\":\"k7Q-3mX-p9Z\",\"type\":\"deployment\",\"attributes\":"
                                + "{\"message\":\"Cancellation has been requested; the deployment is stopping.\",\"status\":\"stopping\"}}}");
        assertThat(fake.deployment("k7Q-3mX-p9Z").status()).isEqualTo("stopping");
    }

    @Test
    void unstableCancelAnswers204WithNoBody() throws Exception {
        fake.deployment("abc", "pending", 1);

        HttpResponse<String> response = send("POST", "/api/unstable/fleet/deployments/abc/cancel");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(fake.deployment("abc").status()).isEqualTo("stopping");
    }

    @Test
    void cancelOfADeploymentThatIsNeitherPendingNorRunningAnswers400() throws Exception {
        fake.deployment("done", "completed", 1);

        HttpResponse<String> response = send("POST", "/api/v2/fleet/deployments/done/cancel");

        assertThat(FakeClient.answer(response))
                .startsWith("400 {\"errors\":[\"")
                .contains("its status is completed");
        assertThat(fake.deployment("done").status()).isEqualTo("completed");
    }

    @Test
    void unknownIdAnswers404InBothGenerations() throws Exception {
        assertThat(send("POST", "/api/v2/fleet/deployments/nope/cancel").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/unstable/fleet/deployments/nope").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v2/fleet/deployments/nope").body())
                .isEqualTo("{\"errors\":[\"Deployment not found\"]}");
    }

    @Test
    void wrongOrMissingKeysAnswer401AndAreStillRecorded() throws Exception {
        fake.deployment("abc", "running", 1);

        HttpResponse<String> wrong = client.send(
                "POST",
                fake.url() + "/api/v2/fleet/deployments/abc/cancel",
                "DD-API-KEY",
                API_KEY,
                "DD-APPLICATION-KEY",
                "wrong");
        HttpResponse<String> none = client.send("GET", fake.url() + "/api/v2/fleet/deployments/abc");

        assertThat(FakeClient.answer(wrong)).isEqualTo("401 {\"errors\":[\"Unauthorized\"]}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(fake.deployment("abc").status()).isEqualTo("running");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void acceptsFurtherKeyPairsButNotTheirKeysMixed() throws Exception {
        fake.deployment("abc", "running", 1).alsoAccept("other-api", "other-app");

        assertThat(sendWithKeys("other-api", "other-app").statusCode()).isEqualTo(200);
        assertThat(sendWithKeys("other-api", APP_KEY).statusCode()).isEqualTo(401);
        assertThat(sendWithKeys(API_KEY, "other-app").statusCode()).isEqualTo(401);
    }

    @Test
    void v2GetReportsStatusAndHostCounts() throws Exception {
        fake.deployment(
                "mixed",
                "running",
                List.of(
                        FakeHost.of("web-01", "succeeded"),
                        FakeHost.failed("web-02", "disk full"),
                        FakeHost.of("web-03", "running"),
                        FakeHost.of("web-04", "pending")));

        String body = send("GET", "/api/v2/fleet/deployments/mixed").body();

        assertThat(body)
                .startsWith("{\"data\":{\"id\":\"mixed\",\"type\":\"deployment\",\"attributes\":{")
                .contains(
                        "\"high_level_status\":\"running\"",
                        "\"total_hosts\":4",
                        "\"succeeded_hosts\":1",
                        "\"failed_hosts\":1",
                        "\"running_hosts\":1",
                        "\"canceled_hosts\":0",
                        "\"skipped_hosts\":0",
                        "{\"hostname\":\"web-02\",\"status\":\"failed\",\"error\":\"disk full\"");
    }

    @Test
    void aCanceledDeploymentIsStoppingForOneReadThenCanceledWithItsUnfinishedHostsCanceled() throws Exception {
        fake.deployment(
                "abc", "running", List.of(FakeHost.of("web-01", "succeeded"), FakeHost.of("web-02", "running")));
        send("POST", "/api/v2/fleet/deployments/abc/cancel");

        String first = send("GET", "/api/v2/fleet/deployments/abc").body();
        String second = send("GET", "/api/v2/fleet/deployments/abc").body();

        assertThat(first).contains("\"high_level_status\":\"stopping\"");
        assertThat(second)
                .contains("\"high_level_status\":\"canceled\"", "\"succeeded_hosts\":1", "\"canceled_hosts\":1");
    }

    @Test
    void theFinalStateAndHowLongStoppingLastsCanBeChosen() throws Exception {
        fake.addDeployment(FakeDeployment.withHosts("abc", "running", 1).withFinalStatus("done_with_errors", 0));
        send("POST", "/api/v2/fleet/deployments/abc/cancel");

        assertThat(send("GET", "/api/v2/fleet/deployments/abc").body())
                .contains("\"high_level_status\":\"done_with_errors\"");
    }

    @Test
    void unstableGetPagesThroughTheHosts() throws Exception {
        fake.deployment("big", "running", 5);

        String page1 = send("GET", "/api/unstable/fleet/deployments/big?limit=2&page=1")
                .body();

        assertThat(page1)
                .contains(
                        "\"high_level_status\":\"running\"",
                        "\"total_hosts\":5",
                        "\"filter_query\":\"env:it\"",
                        "\"hostname\":\"host-03\"",
                        "\"hostname\":\"host-04\"",
                        "\"meta\":{\"hosts\":{\"current_page\":1,\"page_size\":2,\"total_hosts\":5,\"total_pages\":3}}");
        assertThat(page1).doesNotContain("host-02", "host-05");
        assertThat(send("GET", "/api/unstable/fleet/deployments/big?limit=101&page=0")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aForcedAnswerBeatsTheStateAndAOnceAnswerIsUsedOnce() throws Exception {
        fake.deployment("abc", "running", 1)
                .answerOnce("abc", CannedAnswer.rateLimited(1))
                .answerAlways("denied", CannedAnswer.statusError(403, "Forbidden"));

        HttpResponse<String> limited = send("POST", "/api/v2/fleet/deployments/abc/cancel");
        HttpResponse<String> then = send("POST", "/api/v2/fleet/deployments/abc/cancel");
        HttpResponse<String> denied = send("GET", "/api/v2/fleet/deployments/denied");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("x-ratelimit-reset")).hasValue("1");
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(FakeClient.answer(denied))
                .isEqualTo("403 {\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"]}");
    }

    @Test
    void anAnswerForcedForOneCallLeavesTheOtherToTheStateAndComesBeforeAnAnswerForTheWholeId() throws Exception {
        fake.deployment("abc", "running", 1)
                .answerAlways("abc", CannedAnswer.errors(500, "for the whole id"))
                .answerOnce("abc", FakeDatadog.Call.CANCEL, CannedAnswer.errors(503, "the first cancel"))
                .answerAlways("abc", FakeDatadog.Call.GET, DatadogAnswers.deployment("abc", "paused"));

        assertThat(send("POST", "/api/v2/fleet/deployments/abc/cancel").statusCode())
                .isEqualTo(503);
        assertThat(send("POST", "/api/v2/fleet/deployments/abc/cancel").statusCode())
                .isEqualTo(500);
        assertThat(send("GET", "/api/v2/fleet/deployments/abc").body()).contains("\"high_level_status\":\"paused\"");
    }

    @Test
    void aFakeStartedWithoutKeysAcceptsAnyPairButNotAMissingKey() throws Exception {
        fake.close();
        fake = FakeDatadog.startAcceptingAnyKeys().deployment("abc", "running", 1);

        assertThat(sendWithKeys("some-api", "some-app").statusCode()).isEqualTo(200);
        assertThat(sendWithKeys("other-api", " ").statusCode()).isEqualTo(401);
    }

    @Test
    void everyIdRunningAcceptsEveryCancelOfAnyIdAgainAndAgain() throws Exception {
        fake.everyIdRunning();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = send("POST", "/api/v2/fleet/deployments/any-" + i + "/cancel");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/v2/fleet/deployments/any-0/cancel").body())
                    .contains("\"status\":\"stopping\"");
        }
        assertThat(fake.deployment("any-0")).isNull();
    }

    @Test
    void aRateLimitWindowCountsDownInItsHeadersAndAnswers429OverTheLimit() throws Exception {
        fake.everyIdRunning().rateLimit(2, 60);

        HttpResponse<String> first = send("POST", "/api/v2/fleet/deployments/a/cancel");
        HttpResponse<String> second = send("POST", "/api/v2/fleet/deployments/b/cancel");
        HttpResponse<String> third = send("POST", "/api/v2/fleet/deployments/c/cancel");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-ratelimit-limit")).hasValue("2");
        assertThat(first.headers().firstValue("x-ratelimit-period")).hasValue("60");
        assertThat(first.headers().firstValue("x-ratelimit-remaining")).hasValue("1");
        assertThat(first.headers().firstValue("x-ratelimit-name")).hasValue("fleet_deployments_cancel");
        assertThat(second.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(FakeClient.answer(third)).isEqualTo("429 {\"errors\":[\"Too many requests\"]}");
        assertThat(Long.parseLong(
                        third.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(fake.traffic())
                .extracting(Traffic::requests, Traffic::ok, Traffic::tooMany, Traffic::unauthorized)
                .containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void trafficCountsEveryAnswerUntilReset() throws Exception {
        fake.deployment("abc", "running", 1);
        send("GET", "/api/v2/fleet/deployments/abc");
        sendWithKeys(API_KEY, "wrong");

        assertThat(fake.traffic().toJson())
                .startsWith("{\"requests\":2,\"ok\":1,\"tooMany\":0,\"unauthorized\":1,\"maxInFlight\":1,");
        assertThat(fake.resetTraffic().traffic().requests()).isZero();
    }

    @Test
    void anEndpointOfTheTestsOwnIsServedBeforeTheKeysAreCheckedAndIsNotCounted() throws Exception {
        fake.serve(
                "/_control/",
                request -> CannedAnswer.of(200, "application/json", "{\"seen\":\"" + request.query() + "\"}"));

        HttpResponse<String> response = client.send("GET", fake.url() + "/_control/x?a=1");

        assertThat(response.body()).isEqualTo("{\"seen\":\"a=1\"}");
        assertThat(fake.requests()).isEmpty();
        assertThat(fake.traffic().requests()).isZero();
    }

    @Test
    void keepNoRequestsStillCounts() throws Exception {
        fake.deployment("abc", "running", 1).keepNoRequests();

        send("GET", "/api/v2/fleet/deployments/abc");

        assertThat(fake.requests()).isEmpty();
        assertThat(fake.traffic().ok()).isEqualTo(1);
    }

    @Test
    void aConnectionFaultCanBeForced() {
        // A POST, which the JDK client does not repeat by itself.
        fake.answerOnce("abc", CannedAnswer.resetConnection());

        assertThatThrownBy(() -> send("POST", "/api/v2/fleet/deployments/abc/cancel"))
                .isInstanceOf(IOException.class);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aDelayedAnswerComesLate() throws Exception {
        fake.answerAlways("slow", CannedAnswer.errors(500, "late").afterSeconds(1));

        long started = System.nanoTime();
        HttpResponse<String> response = send("GET", "/api/v2/fleet/deployments/slow");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(900_000_000L);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void everyErrorShapeCanBeForced() throws Exception {
        fake.answerAlways("a", CannedAnswer.errors(400, "Bad id"))
                .answerAlways("b", CannedAnswer.jsonApiError(400, "Bad Request", "id is malformed"))
                .answerAlways("c", CannedAnswer.errorObject(500, "Internal error", "E42"))
                .answerAlways("d", CannedAnswer.html(502, "502 Bad Gateway"))
                .answerAlways("e", CannedAnswer.empty(503));

        assertThat(send("GET", "/api/v2/fleet/deployments/a").body()).isEqualTo("{\"errors\":[\"Bad id\"]}");
        HttpResponse<String> jsonApi = send("GET", "/api/v2/fleet/deployments/b");
        assertThat(jsonApi.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
        assertThat(jsonApi.body())
                .isEqualTo(
                        "{\"errors\":[{\"status\":\"400\",\"title\":\"Bad Request\",\"detail\":\"id is malformed\"}]}");
        assertThat(send("GET", "/api/v2/fleet/deployments/c").body())
                .isEqualTo("{\"error\":{\"message\":\"Internal error\",\"code\":\"E42\"}}");
        assertThat(send("GET", "/api/v2/fleet/deployments/d").body()).contains("<title>502 Bad Gateway</title>");
        HttpResponse<String> empty = send("GET", "/api/v2/fleet/deployments/e");
        assertThat(empty.statusCode()).isEqualTo(503);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void sendsTheRealReasonPhraseAsDatadogDoes() throws Exception {
        fake.answerAlways("denied", CannedAnswer.statusError(403, "Forbidden"))
                .answerAlways("teapot", CannedAnswer.empty(418));
        OkHttpClient okHttp = new OkHttpClient();
        try {
            for (String[] expected :
                    new String[][] {{"denied", "Forbidden"}, {"teapot", ""}, {"unknown", "Not Found"}}) {
                Request request = new Request.Builder()
                        .url(fake.url() + "/api/v2/fleet/deployments/" + expected[0])
                        .header("DD-API-KEY", API_KEY)
                        .header("DD-APPLICATION-KEY", APP_KEY)
                        .build();
                try (Response response = okHttp.newCall(request).execute()) {
                    assertThat(response.message()).as(expected[0]).isEqualTo(expected[1]);
                }
            }
        } finally {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    @Test
    void recordsMethodPathAsSentAndHeaders() throws Exception {
        fake.deployment("a/b c", "running", 1);

        HttpResponse<String> response = send("POST", "/api/v2/fleet/deployments/a%2Fb%20c/cancel");

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest request = fake.onlyRequest("POST", "/api/v2/fleet/deployments/a%2Fb%20c/cancel");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("dd-api-key")).isEqualTo(API_KEY);
        assertThat(request.header("DD-APPLICATION-KEY")).isEqualTo(APP_KEY);
        assertThat(request.header("User-Agent")).isEqualTo("fake-test/1");
        assertThat(request.header("X-Absent")).isNull();
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments/a%2Fb%20c/cancel"))
                .isEmpty();
    }

    @Test
    void recordsTheQuerySeparately() throws Exception {
        fake.deployment("abc", "running", 1);

        send("GET", "/api/unstable/fleet/deployments/abc?limit=100&page=0");

        ReceivedRequest request = fake.onlyRequest("GET", "/api/unstable/fleet/deployments/abc");
        assertThat(request.target()).isEqualTo("/api/unstable/fleet/deployments/abc?limit=100&page=0");
        assertThat(request.query()).isEqualTo("limit=100&page=0");
    }

    @Test
    void onlyRequestSaysWhatWasReceivedWhenTheCountIsWrong() throws Exception {
        send("GET", "/api/v2/fleet/deployments/x");

        assertThatThrownBy(() -> fake.onlyRequest("POST", "/api/v2/fleet/deployments/x/cancel"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("got 0")
                .hasMessageContaining("GET /api/v2/fleet/deployments/x");
    }

    @Test
    void unknownPathsAnswer404AndWrongMethods405() throws Exception {
        assertThat(send("GET", "/api/v1/validate").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v2/fleet/deployments/abc/cancel").statusCode())
                .isEqualTo(405);
        assertThat(send("POST", "/api/v2/fleet/deployments/abc").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return client.send(method, fake.url() + pathAndQuery, "DD-API-KEY", API_KEY, "DD-APPLICATION-KEY", APP_KEY);
    }

    private HttpResponse<String> sendWithKeys(String apiKey, String appKey) throws IOException, InterruptedException {
        return client.send(
                "GET",
                fake.url() + "/api/v2/fleet/deployments/abc",
                "DD-API-KEY",
                apiKey,
                "DD-APPLICATION-KEY",
                appKey);
    }
}
