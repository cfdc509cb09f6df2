package dev.fleetdeploy.maven;

import static dev.fleetdeploy.maven.FakeApi.answer;
import static dev.fleetdeploy.maven.FakeApi.json;
import static dev.fleetdeploy.maven.FakeApi.notFound;
import static dev.fleetdeploy.maven.FakeApi.v2Canceled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.RecordingLog;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The API said no: {@code MojoFailureException} naming the provider, operation, id, HTTP status, the API's own
 * words in whatever body shape it used, and what to check next.
 */
@MojoTest
class ApiFailureTest extends MojoTestSupport {
    private static final String CANCEL = "/api/v2/fleet/deployments/abc-def-ghi/cancel";

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void notFound404(CancelDeploymentMojo mojo) throws Exception {
        api.on("POST", CANCEL, notFound());

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 404 Not Found: Deployment not found."
                        + " Check the deployment id (a 404 also means the keys' owner cannot see it), the baseUrl ("
                        + baseUrl(server)
                        + ") and the API generation (datadogApi=v2; the older Preview endpoints are datadogApi=unstable).");
        // The one line the user reads in the log is the same sentence.
        assertThat(log.at(RecordingLog.Level.ERROR))
                .singleElement()
                .asString()
                .startsWith(
                        "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 404 Not Found: Deployment not found.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void unauthorized401WithJsonApiErrorObjects(CancelDeploymentMojo mojo) throws Exception {
        api.on(
                "POST",
                CANCEL,
                answer(401)
                        .setHeader("Content-Type", "application/vnd.api+json")
                        .body(
                                "{\"errors\":[{\"status\":\"401\",\"title\":\"Unauthorized\",\"detail\":\"API key is invalid\"}]}")
                        .build());

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 401 Unauthorized: Unauthorized: API key"
                        + " is invalid. Check the API key and the application key: both must be valid keys of the Datadog"
                        + " organization on datadoghq.com.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void forbidden403NamesThePermissions(CancelDeploymentMojo mojo) throws Exception {
        api.on(
                "POST",
                CANCEL,
                json(403, "{\"status\":\"error\",\"code\":403,\"errors\":[\"Forbidden\"],\"statuspage\":\"x\"}"));

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 403 Forbidden: Forbidden. Check that"
                        + " the application key has the agent_upgrade_write and fleet_policies_write permissions and that both"
                        + " keys belong to the organization on datadoghq.com.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void badRequest400OnAFinishedDeployment(CancelDeploymentMojo mojo) throws Exception {
        api.on(
                "POST",
                CANCEL,
                json(400, "{\"error\":{\"message\":\"deployment is already completed\",\"code\":\"invalid_state\"}}"));

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 400 Bad Request: deployment is"
                        + " already completed (invalid_state). A deployment can be canceled only while its status is pending or"
                        + " running: check its status with the deployment-status goal, and check the deployment id.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxRetries", value = "0")
    void rateLimited429ExplainsTheLimit(CancelDeploymentMojo mojo) throws Exception {
        api.on("POST", CANCEL, rateLimited("{\"errors\":[\"Rate limit exceeded\"]}", "30"));

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 429 Too Many Requests: Rate limit"
                        + " exceeded. Datadog's rate limit was reached (fleet_deployments): 100 requests per 60 s; wait 30 s"
                        + " before running again, or raise maxRetries.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxRetries", value = "0")
    void serverError500FromAProxyShowsThePageTitle(CancelDeploymentMojo mojo) throws Exception {
        api.on(
                "POST",
                CANCEL,
                answer(500)
                        .setHeader("Content-Type", "text/html")
                        .body("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>")
                        .build());

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 500 Internal Server Error: an HTML"
                        + " page: 502 Bad Gateway. Datadog had an error on its side: try again later, and see https://status.datadoghq.com.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aRedirectIsNotFollowed(CancelDeploymentMojo mojo) throws Exception {
        // Following it would carry DD-API-KEY to whatever host the Location names.
        api.on(
                "POST",
                CANCEL,
                answer(302)
                        .setHeader("Location", "https://login.example.com/sso")
                        .build());

        assertFailure(
                mojo,
                "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 302 Found with no error text. Datadog"
                        + " answered with a redirect to https://login.example.com/sso, which the plugin does not follow so that"
                        + " the keys reach no other host: check the baseUrl (" + baseUrl(server) + ").");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aRateLimitedRequestIsRepeatedAfterTheWaitDatadogAsksFor(CancelDeploymentMojo mojo) throws Exception {
        api.on("POST", CANCEL, rateLimited("{\"errors\":[\"Rate limit exceeded\"]}", "1"), v2Canceled("abc-def-ghi"));

        prepare(mojo, ENV_KEYS).execute();

        assertThat(receivedTargets()).containsExactly("POST " + CANCEL, "POST " + CANCEL);
        assertThat(log.at(RecordingLog.Level.INFO))
                .contains(
                        "POST " + baseUrl(server) + CANCEL
                                + " answered 429 Too Many Requests; retrying in 1 s (retry 1 of 3).",
                        "Cancel: 1 of 1 deployment done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "baseUrl", value = "http://127.0.0.1:1")
    @MojoParameter(name = "maxRetries", value = "0")
    void noAnswerAtAll(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "Datadog cancel of deployment 'abc-def-ghi' failed: could not connect to 127.0.0.1:1 (")
                .hasMessageEndingWith(
                        "Check the network, the proxy settings in settings.xml, and the site or endpoint (and baseUrl).");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxRetries", value = "1")
    void aCancelCutOffAfterItWasSentIsRepeatedAndARefusedRepeatIsCheckedAgainstTheState(CancelDeploymentMojo mojo)
            throws Exception {
        // The cancel reached the server, which then dropped the connection; the repeat is refused, as the first one
        // had done it: the deployment's state shows it, and that is what the user is told.
        api.on(
                "POST",
                CANCEL,
                answer(200).onResponseStart(new SocketEffect.CloseSocket()).build(),
                json(400, "{\"errors\":[\"Deployment abc-def-ghi cannot be canceled: its status is stopping\"]}"));
        api.on(
                "GET",
                "/api/v2/fleet/deployments/abc-def-ghi",
                json(
                        200,
                        "{\"data\":{\"id\":\"abc-def-ghi\",\"type\":\"deployment\",\"attributes\":{\"status\":\"stopping\"}}}"));

        prepare(mojo, ENV_KEYS).execute();

        assertThat(receivedTargets())
                .containsExactly("POST " + CANCEL, "POST " + CANCEL, "GET /api/v2/fleet/deployments/abc-def-ghi");
        assertThat(log.at(RecordingLog.Level.INFO))
                .contains(
                        "Datadog deployment 'abc-def-ghi': cancel requested (HTTP 400,"
                                + " state stopping: an earlier attempt, which got no clear answer, had already canceled it; the repeat was"
                                + " refused (Deployment abc-def-ghi cannot be canceled: its status is stopping))",
                        "Cancel: 1 of 1 deployment done.");
    }

    private void assertFailure(CancelDeploymentMojo mojo, String message) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(message);
    }

    private static MockResponse rateLimited(String body, String resetSeconds) {
        return answer(429)
                .setHeader("Content-Type", "application/json")
                .setHeader("x-ratelimit-limit", "100")
                .setHeader("x-ratelimit-period", "60")
                .setHeader("x-ratelimit-remaining", "0")
                .setHeader("x-ratelimit-reset", resetSeconds)
                .setHeader("x-ratelimit-name", "fleet_deployments")
                .body(body)
                .build();
    }
}
