package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeDatadog;
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

/** {@code fleet:deployment-status}: the log shows each deployment's state and host counts. */
@MojoTest
class DeploymentStatusTest extends MojoTestSupport {
    private static final String ID = "abc-def-ghi";
    /** Counts and hosts that need not agree: the plugin reports what the API says. */
    private static final String V2_RUNNING = """
            {"data":{"id":"abc-def-ghi","type":"deployment","attributes":{
              "high_level_status":"running","total_hosts":5,
              "succeeded_hosts":1,"failed_hosts":1,"running_hosts":1,"canceled_hosts":1,"skipped_hosts":1,
              "error_summary":"1 host failed to upgrade",
              "hosts":[{"hostname":"web-1","status":"succeeded"},{"hostname":"web-2","status":"failed","error":"disk full"}]}}}
            """;

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    void v2StateAndHostCounts(DeploymentStatusMojo mojo) throws Exception {
        api.answerAlways(ID, json(V2_RUNNING));

        run(mojo);

        assertThat(receivedTargets()).containsExactly("GET /api/v2/fleet/deployments/abc-def-ghi");
        assertThat(info())
                .containsExactly(
                        "Reading the status of Datadog deployment 'abc-def-ghi' on " + baseUrl()
                                + " (in place of api.datadoghq.com), API v2.",
                        "Datadog deployment 'abc-def-ghi': running; 5 hosts: 1 succeeded, 1 failed, 1 running, 1 canceled, 1 skipped",
                        "  error summary: 1 host failed to upgrade",
                        "  failed on web-2: disk full",
                        "Status: 1 of 1 deployment done.");
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "datadogApi", value = "unstable")
    void unstableCountsHostsOverEveryPage(DeploymentStatusMojo mojo) throws Exception {
        String base = "/api/unstable/fleet/deployments/abc-def-ghi?limit=100&page=";
        api.answerOnce(ID, json("""
                        {"data":{"id":"abc-def-ghi","attributes":{"high_level_status":"done_with_errors","total_hosts":4,
                          "hosts":[{"hostname":"a","status":"succeeded"},{"hostname":"b","status":"failed","error":"timeout"}]}},
                         "meta":{"hosts":{"total_pages":2}}}""")).answerOnce(ID, json("""
                        {"data":{"id":"abc-def-ghi","attributes":{"high_level_status":"done_with_errors","total_hosts":4,
                          "hosts":[{"hostname":"c","status":"succeeded"},{"hostname":"d","status":"canceled"}]}},
                         "meta":{"hosts":{"total_pages":2}}}"""));

        run(mojo);

        assertThat(receivedTargets()).containsExactly("GET " + base + "0", "GET " + base + "1");
        assertThat(info())
                .contains(
                        "Datadog deployment 'abc-def-ghi': done_with_errors; 4 hosts: 2 succeeded, 1 failed, 1 canceled",
                        "  failed on b: timeout");
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "reportFile", value = "${work.dir}/status.json")
    void theReportCarriesTheCounts(DeploymentStatusMojo mojo) throws Exception {
        api.answerAlways(ID, json(V2_RUNNING));

        run(mojo);

        JsonNode status = new ObjectMapper()
                .readTree(workDir.resolve("status.json").toFile())
                .path("deployments")
                .get(0)
                .path("status");
        assertThat(status.path("state").asText()).isEqualTo("running");
        assertThat(status.path("final").asBoolean()).isFalse();
        assertThat(status.path("total").asLong()).isEqualTo(5);
        assertThat(status.path("counts").path("failed").asLong()).isEqualTo(1);
    }

    /** A status read Datadog refuses, or answers with what is not its JSON, and the sentence the build fails with. */
    static Stream<Arguments> unreadStatuses() {
        return Stream.of(
                Arguments.of(
                        Named.of("403 names the read permission", CannedAnswer.errors(403, "Forbidden")),
                        "HTTP 403 Forbidden: Forbidden. Check that the application key has the hosts_read permission"
                                + " and that both keys belong to the organization on datadoghq.com."),
                Arguments.of(
                        Named.of("an answer that is not Datadog's JSON", CannedAnswer.html(200, "Corporate login")),
                        "HTTP 200 OK: the body is not the JSON the Datadog API sends (an HTML page: Corporate login)."
                                + " The answer did not come from the Datadog API: check the baseUrl and any proxy in"
                                + " between."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadStatuses")
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aStatusThatCannotBeReadFailsTheBuild(CannedAnswer answer, String why, DeploymentStatusMojo mojo)
            throws Exception {
        api.answerAlways(ID, answer);

        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Datadog status of deployment 'abc-def-ghi' failed: " + why);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "wait", value = "true")
    void cancelWithWaitReadsTheStatusAfterwards(CancelDeploymentMojo mojo) throws Exception {
        // The cancel goes to the fake's state; the read after it shows only the counts Datadog sent.
        api.deployment(ID, "running", 2).answerAlways(ID, FakeDatadog.Call.GET, json("""
                {"data":{"id":"abc-def-ghi","attributes":{"high_level_status":"canceled","total_hosts":2,
                  "succeeded_hosts":1,"canceled_hosts":1}}}"""));

        run(mojo);

        assertThat(receivedTargets())
                .containsExactly(
                        "POST /api/v2/fleet/deployments/abc-def-ghi/cancel",
                        "GET /api/v2/fleet/deployments/abc-def-ghi");
        assertThat(info()).contains("Datadog deployment 'abc-def-ghi': canceled; 2 hosts: 1 succeeded, 1 canceled");
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "deploymentId", value = "abc-def-ghi,gone")
    void oneUnknownIdAmongSeveral(DeploymentStatusMojo mojo) throws Exception {
        api.answerAlways(ID, json(V2_RUNNING)); // and no deployment 'gone'

        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Status: 1 of 2 deployments done; failed: gone.");
        assertThat(info())
                .contains(
                        "Datadog deployment 'abc-def-ghi': running; 5 hosts: 1 succeeded, 1 failed, 1 running, 1 canceled, 1 skipped");
    }

    private static CannedAnswer json(String body) {
        return CannedAnswer.of(200, "application/json", body);
    }
}
