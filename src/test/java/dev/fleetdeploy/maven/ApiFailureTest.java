package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.DatadogAnswers;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.RecordingLog;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API said no: {@code MojoFailureException} naming the provider, operation, id, HTTP status, the API's own
 * words in whatever body shape it used, and what to check next.
 */
@MojoTest
class ApiFailureTest extends MojoTestSupport {
    private static final String ID = "abc-def-ghi";
    private static final String CANCEL = "/api/v2/fleet/deployments/abc-def-ghi/cancel";

    /** Each refusal, in the body shape it came in, and the one sentence the build fails with ({base} the baseUrl). */
    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal(
                        "404, the deployment unknown",
                        DatadogAnswers.notFound(),
                        "HTTP 404 Not Found: Deployment not found. Check the deployment id (a 404 also means the keys'"
                                + " owner cannot see it), the baseUrl ({base}) and the API generation (datadogApi=v2;"
                                + " the older Preview endpoints are datadogApi=unstable)."),
                refusal(
                        "401 with JSON:API error objects",
                        CannedAnswer.jsonApiError(401, "Unauthorized", "API key is invalid"),
                        "HTTP 401 Unauthorized: Unauthorized: API key is invalid. Check the API key and the application"
                                + " key: both must be valid keys of the Datadog organization on datadoghq.com."),
                refusal(
                        "403 names the permissions",
                        CannedAnswer.statusError(403, "Forbidden"),
                        "HTTP 403 Forbidden: Forbidden. Check that the application key has the agent_upgrade_write and"
                                + " fleet_policies_write permissions and that both keys belong to the organization on"
                                + " datadoghq.com."),
                refusal(
                        "400 on a finished deployment",
                        CannedAnswer.errorObject(400, "deployment is already completed", "invalid_state"),
                        "HTTP 400 Bad Request: deployment is already completed (invalid_state). A deployment can be"
                                + " canceled only while its status is pending or running: check its status with the"
                                + " deployment-status goal, and check the deployment id."),
                refusal(
                        "429 explains the limit",
                        DatadogAnswers.rateLimited(30, "Rate limit exceeded"),
                        "HTTP 429 Too Many Requests: Rate limit exceeded. Datadog's rate limit was reached"
                                + " (fleet_deployments): 100 requests per 60 s; wait 30 s before running again, or raise"
                                + " maxRetries."),
                refusal(
                        "500 from a proxy shows the page's title",
                        CannedAnswer.html(500, "502 Bad Gateway"),
                        "HTTP 500 Internal Server Error: an HTML page: 502 Bad Gateway. Datadog had an error on its"
                                + " side: try again later, and see https://status.datadoghq.com."),
                // Following it would carry DD-API-KEY to whatever host the Location names.
                refusal(
                        "a redirect is not followed",
                        CannedAnswer.empty(302).withHeader("Location", "https://login.example.com/sso"),
                        "HTTP 302 Found with no error text. Datadog answered with a redirect to"
                                + " https://login.example.com/sso, which the plugin does not follow so that the keys"
                                + " reach no other host: check the baseUrl ({base})."));
    }

    private static Arguments refusal(String name, CannedAnswer answer, String message) {
        return Arguments.of(Named.of(name, answer), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxRetries", value = "0")
    void aRefusalFailsTheBuildWithOneSentence(CannedAnswer answer, String message, CancelDeploymentMojo mojo)
            throws Exception {
        if (answer.code() != 404) {
            api.answerAlways(ID, answer);
        } // else: the fake holds no deployment 'abc-def-ghi'.
        String expected = "Datadog cancel of deployment 'abc-def-ghi' failed: " + message.replace("{base}", baseUrl());

        assertFailure(mojo, expected);
        assertThat(received()).hasSize(1);
        // The one line the user reads in the log is the same sentence.
        assertThat(log.at(RecordingLog.Level.ERROR))
                .singleElement()
                .asString()
                .startsWith(expected.substring(0, expected.indexOf(". ") + 1));
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aRateLimitedRequestIsRepeatedAfterTheWaitDatadogAsksFor(CancelDeploymentMojo mojo) throws Exception {
        api.deployment(ID, "running", 3).answerOnce(ID, DatadogAnswers.rateLimited(1, "Rate limit exceeded"));

        run(mojo);

        assertThat(receivedTargets()).containsExactly("POST " + CANCEL, "POST " + CANCEL);
        assertThat(info())
                .contains(
                        "POST " + baseUrl() + CANCEL
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
        api.deployment(ID, "stopping", 3)
                .answerOnce(ID, FakeDatadog.Call.CANCEL, CannedAnswer.resetConnection())
                .answerOnce(ID, FakeDatadog.Call.CANCEL, DatadogAnswers.notCancelable(ID, 400, "stopping"));

        run(mojo);

        assertThat(receivedTargets())
                .containsExactly("POST " + CANCEL, "POST " + CANCEL, "GET /api/v2/fleet/deployments/abc-def-ghi");
        assertThat(info())
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
}
