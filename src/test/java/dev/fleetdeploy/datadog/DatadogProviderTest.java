package dev.fleetdeploy.datadog;

import static dev.fleetdeploy.testing.CannedResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.MockServerTest;
import dev.fleetdeploy.testing.TestHttp;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatadogProviderTest extends MockServerTest {
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final String APP_KEY = "fedcba9876543210fedcba9876543210fedcba98";
    private static final Map<String, String> KEYS = Map.of("DD_API_KEY", API_KEY, "DD_APP_KEY", APP_KEY);
    private static final String V2_CANCEL_BODY =
            "{\"data\":{\"id\":\"k7Q-3mX-p9Z\",\"type\":\"deployment\",\"attributes\":"
                    + "{\"message\":\"Cancellation has been requested; the deployment is stopping.\",\"status\":\"stopping\"}}}";

    private DatadogProvider provider(String datadogApi, int maxRetries) {
        Map<String, String> parameters =
                Map.of("provider", "datadog", "baseUrl", baseUrl(), "datadogApi", datadogApi, "site", "datadoghq.eu");
        return (DatadogProvider) providers.create(parameters, Operation.CANCEL, KEYS, TestHttp.retries(maxRetries));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private DatadogProvider v2() {
        return provider("v2", 0);
    }

    /** An answer with MockWebServer's own reason phrases ("HTTP 502 Server Error"). */
    private static MockResponse answer(int code, String body, String... headers) {
        return new MockResponse(code, Headers.of(headers), body);
    }

    private static MockResponse json(int code, String body) {
        return answer(code, body, "Content-Type", "application/json");
    }

    private static DeploymentPart whole(String id) {
        return DeploymentPart.whole(new DeploymentId(id));
    }

    /** The ApiException a v2 status read of deployment "a" throws. */
    private ApiException statusFailure() {
        return apiFailure(() -> v2().status(whole("a")));
    }

    /** The ApiException the call throws; fails when it throws nothing or something else. */
    private static ApiException apiFailure(ThrowingCallable call) {
        return assertThatExceptionOfType(ApiException.class).isThrownBy(call).actual();
    }

    @Test
    void v2CancelPostsToTheV2PathWithBothKeysAndReadsTheAnswer() throws Exception {
        server.enqueue(json(200, V2_CANCEL_BODY));

        ActionResult result = v2().cancel(whole("k7Q-3mX-p9Z"));

        assertThat(result)
                .isEqualTo(new ActionResult(
                        200, "stopping", "Cancellation has been requested; the deployment is stopping."));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel");
        assertThat(request.getHeaders().get("DD-API-KEY")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("DD-APPLICATION-KEY")).isEqualTo(APP_KEY);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).startsWith("fleet-deployment-maven-plugin/");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void unstableCancelPostsToTheSeedsPathAndAccepts204() throws Exception {
        server.enqueue(answer(204, ""));

        ActionResult result = provider("unstable", 0).cancel(whole("abc-def-ghi"));

        assertThat(result).isEqualTo(new ActionResult(204, null, null));
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/unstable/fleet/deployments/abc-def-ghi/cancel");
    }

    @Test
    void anyTwoHundredIsSuccessEvenWithABodyItCannotRead() throws Exception {
        server.enqueue(answer(202, ""));
        server.enqueue(answer(200, "<html>ok</html>"));
        DatadogProvider provider = v2();
        assertThat(provider.cancel(whole("a"))).isEqualTo(new ActionResult(202, null, null));
        // An unreadable body on a success is still a success, with a warning that says so.
        assertThat(provider.cancel(whole("b")))
                .isEqualTo(
                        new ActionResult(
                                200,
                                null,
                                null,
                                "the answer's body is not the JSON Datadog sends (an HTML page: ok), but its status says the cancel was accepted."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|{\"errors\":[\"Deployment is not in a cancelable state\"]}|Deployment is not in a cancelable state|A deployment can be canceled only while its status is pending or running",
                "401|{\"errors\":[\"Unauthorized\"]}|Unauthorized|Check the API key and the application key: both must be valid keys of the Datadog organization on datadoghq.eu.",
                "403|{\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"]}|Forbidden|Check that the application key has the agent_upgrade_write and fleet_policies_write permissions",
                "404|{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\",\"detail\":\"deployment k7Q not found\"}]}|Not Found: deployment k7Q not found|Check the deployment id (a 404 also means the keys' owner cannot see it), the baseUrl",
                "429|{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":\"rate_limited\"}}|Rate limit exceeded (rate_limited)|Datadog's rate limit was reached",
                "500|<html><head><title>500 Internal Server Error</title></head></html>|an HTML page: 500 Internal Server Error|Datadog had an error on its side",
                "502||''|Datadog had an error on its side",
            })
    void everyErrorStatusGivesTheApisTextAndAHint(int status, String body, String apiText, String hintStart) {
        server.enqueue(answer(status, body == null ? "" : body));

        ApiException failure = apiFailure(() -> v2().cancel(whole("k7Q")));

        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.apiText()).isEqualTo(apiText.equals("''") ? "" : apiText);
        assertThat(failure.hint()).startsWith(hintStart);
        assertThat(failure.detail()).startsWith("HTTP " + status + " ");
    }

    @Test
    void emptyErrorBodySaysSo() {
        server.enqueue(answer(502, ""));
        assertThat(apiFailure(() -> v2().cancel(whole("k7Q"))).detail())
                .isEqualTo("HTTP 502 Server Error with no error text");
    }

    @Test
    void rateLimitHintQuotesDatadogsHeadersAfterTheRetriesRanOut() {
        // Datadog's rate-limit headers, with a limit of 60.
        MockResponse limited = response(CannedAnswer.rateLimited(17).withHeader("x-ratelimit-limit", "60"));
        server.enqueue(limited);
        server.enqueue(limited);

        ApiException failure = apiFailure(() -> provider("v2", 1).cancel(whole("a")));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(17));
        assertThat(failure.hint())
                .isEqualTo("Datadog's rate limit was reached (fleet_deployments): 60 requests per 60 s;"
                        + " wait 17 s before running again, or raise maxRetries.");
    }

    @Test
    void notFoundOnTheUnstableGenerationSuggestsV2() {
        server.enqueue(json(404, "{\"errors\":[\"Not Found\"]}"));
        assertThat(apiFailure(() -> provider("unstable", 0).cancel(whole("a"))).hint())
                .contains("datadogApi=unstable calls the Preview endpoints")
                .endsWith("try datadogApi=v2.");
    }

    @Test
    void redirectIsReportedNotFollowed() {
        server.enqueue(answer(301, "", "Location", "https://elsewhere.example/x"));
        ApiException failure = apiFailure(() -> v2().cancel(whole("a")));
        assertThat(failure.httpStatus()).isEqualTo(301);
        assertThat(failure.hint())
                .startsWith(
                        "Datadog answered with a redirect to https://elsewhere.example/x, which the plugin does not follow");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a b|/api/v2/fleet/deployments/a%20b/cancel",
                "a/b|/api/v2/fleet/deployments/a%2Fb/cancel",
                "../x|/api/v2/fleet/deployments/..%2Fx/cancel",
                "déploiement-ü|/api/v2/fleet/deployments/d%C3%A9ploiement-%C3%BC/cancel",
                "50%|/api/v2/fleet/deployments/50%25/cancel",
                "?x#y|/api/v2/fleet/deployments/%3Fx%23y/cancel",
                "aeadc05e-98a8-11ec-ac2c-da7ad0900001|/api/v2/fleet/deployments/aeadc05e-98a8-11ec-ac2c-da7ad0900001/cancel",
            })
    void oddIdsAreSentAsOnePercentEncodedSegment(String id, String path) throws Exception {
        server.enqueue(answer(200, ""));
        v2().cancel(whole(id));
        assertThat(server.takeRequest().getTarget()).isEqualTo(path);
    }

    @Test
    void v2StatusReadsStateHostCountsAndFailures() throws Exception {
        server.enqueue(json(200, """
                {"data":{"id":"k7Q-3mX-p9Z","type":"deployment","attributes":{
                  "high_level_status":"running","total_hosts":5,"succeeded_hosts":1,"failed_hosts":1,"running_hosts":1,
                  "canceled_hosts":1,"skipped_hosts":1,"error_summary":"A host failed to update",
                  "hosts":[{"hostname":"web-01.example.com","status":"failed","error":"disk full"},
                           {"hostname":"web-02.example.com","status":"succeeded"}]}}}"""));

        DeploymentStatus status = v2().status(whole("k7Q-3mX-p9Z"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v2/fleet/deployments/k7Q-3mX-p9Z");
        assertThat(request.getHeaders().get("DD-APPLICATION-KEY")).isEqualTo(APP_KEY);
        assertThat(status.summary())
                .isEqualTo("running; 5 hosts: 1 succeeded, 1 failed, 1 running, 1 canceled, 1 skipped");
        assertThat(status.terminal()).isFalse();
        assertThat(status.details())
                .containsExactly("error summary: A host failed to update", "failed on web-01.example.com: disk full");
    }

    @Test
    void statusWordsAreOpaqueAndOnlyKnownBusyOnesAreNotFinal() throws Exception {
        for (String state : List.of("completed", "failed", "done_with_errors", "something_new")) {
            server.enqueue(json(200, "{\"data\":{\"attributes\":{\"high_level_status\":\"" + state + "\"}}}"));
        }
        server.enqueue(json(200, "{\"data\":{\"attributes\":{\"high_level_status\":\"stopping\"}}}"));
        DatadogProvider provider = v2();
        for (String state : List.of("completed", "failed", "done_with_errors", "something_new")) {
            DeploymentStatus status = provider.status(whole("a"));
            assertThat(status.state()).isEqualTo(state);
            assertThat(status.terminal()).as(state).isTrue();
        }
        assertThat(provider.status(whole("a")).terminal()).isFalse();
    }

    @Test
    void unstableStatusPagesThroughHostsAndCountsThemByStatus() throws Exception {
        server.enqueue(json(200, """
                {"data":{"id":"abc","type":"deployment","attributes":{"high_level_status":"running","filter_query":"env:prod",
                  "total_hosts":3,"hosts":[{"hostname":"h1","status":"succeeded"},{"hostname":"h2","status":"running"}]}},
                 "meta":{"hosts":{"current_page":0,"page_size":2,"total_hosts":3,"total_pages":2}}}"""));
        server.enqueue(json(200, """
                {"data":{"id":"abc","type":"deployment","attributes":{"high_level_status":"running","total_hosts":3,
                  "hosts":[{"hostname":"h3","status":"failed","error":"package not found"}]}},
                 "meta":{"hosts":{"current_page":1,"page_size":2,"total_hosts":3,"total_pages":2}}}"""));

        DeploymentStatus status = provider("unstable", 0).status(whole("abc"));

        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/unstable/fleet/deployments/abc?limit=100&page=0");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/api/unstable/fleet/deployments/abc?limit=100&page=1");
        assertThat(status.summary()).isEqualTo("running; 3 hosts: 1 succeeded, 1 failed, 1 running");
        assertThat(status.details()).containsExactly("failed on h3: package not found");
    }

    @Test
    void statusBodyThatIsNotJsonIsAFailureThatSaysWhereToLook() {
        server.enqueue(
                answer(200, "<html><title>Sign in to the corporate proxy</title></html>", "Content-Type", "text/html"));
        ApiException failure = statusFailure();
        assertThat(failure.detail())
                .isEqualTo(
                        "HTTP 200 OK: the body is not the JSON the Datadog API sends (an HTML page: Sign in to the corporate proxy)");
        assertThat(failure.hint()).contains("check the baseUrl and any proxy");
    }

    @Test
    void statusNeedsHostsReadPermission() {
        server.enqueue(json(403, "{\"errors\":[\"Forbidden\"]}"));
        assertThat(statusFailure().hint()).contains("hosts_read permission");
    }

    @Test
    void aRetryThroughTheUnstableApiIsRefusedBeforeAnythingIsSent() {
        TargetSettings target = TestTargets.of(Map.of("baseUrl", baseUrl(), "datadogApi", "unstable"), TestIds.NONE);
        assertThatThrownBy(() -> DatadogConfig.resolve(
                        target.common(),
                        target.datadog(),
                        Operation.RETRY,
                        Environment.of(KEYS),
                        ServerLookup.NONE,
                        new SecretMasker()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Datadog has no retry operation: a retry creates a new deployment aimed at the failed"
                        + " hosts, and datadogApi=unstable has no create endpoint, so nothing was sent: retry with"
                        + " datadogApi=v2.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void planShowsTheRequestWithKeysMaskedAndSendsNothing() throws Exception {
        List<PlannedRequest> plan = v2().plan(Operation.CANCEL, new DeploymentId("a b"));
        assertThat(plan).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.url()).isEqualTo(baseUrl() + "/api/v2/fleet/deployments/a%20b/cancel");
            assertThat(request.headers())
                    .contains("DD-API-KEY: ****", "DD-APPLICATION-KEY: ****", "Accept: application/json");
            assertThat(String.join(" ", request.headers()))
                    .doesNotContain(API_KEY)
                    .doesNotContain(APP_KEY);
        });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void locationNamesTheOverrideAndTheGeneration() {
        assertThat(provider("unstable", 0).location())
                .isEqualTo(baseUrl() + " (in place of api.datadoghq.eu), API unstable");
    }
}
