package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.testing.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reportFile}: one JSON entry per deployment, in the order given, for the pipeline's next step to read. */
@MojoTest
class ReportFileTest extends MojoTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void oneCancelSucceedsOneIsNotFound() {
        api.deployment("ok-1", "running", 2); // and no gone-2
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-ok-1/pom.xml")
    @MojoParameter(name = "deploymentId", value = "ok-1,gone-2")
    @MojoParameter(name = "failOnError", value = "false")
    @MojoParameter(name = "reportFile", value = "${work.dir}/reports/cancel.json")
    void oneEntryPerDeploymentWithItsResult(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        Path file = workDir.resolve("reports/cancel.json");
        JsonNode report = read(file);
        assertThat(JsonFields.of(report))
                .containsAllEntriesOf(Map.of(
                        "goal", "cancel-deployment", "dryRun", "false", "deploymentCount", "2", "failureCount", "1"));
        assertThat(JsonFields.of(report.path("deployments").get(0)))
                .containsAllEntriesOf(Map.of(
                        "deploymentId", "ok-1",
                        "provider", "datadog",
                        "result", "succeeded",
                        "httpStatus", "200",
                        "state", "stopping"));
        JsonNode failed = report.path("deployments").get(1);
        assertThat(JsonFields.of(failed))
                .containsAllEntriesOf(Map.of(
                        "deploymentId",
                        "gone-2",
                        "result",
                        "failed",
                        "httpStatus",
                        "404",
                        "problem",
                        "HTTP 404 Not Found: Deployment not found"));
        assertThat(failed.path("hint").asText()).startsWith("Check the deployment id");

        assertThat(info()).contains("Report: " + file);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-ok-1/pom.xml")
    @MojoParameter(name = "deploymentId", value = "gone-2,ok-1")
    @CommandLine("-Dfleet.reportFile=out/report.json")
    void writtenEvenWhenTheBuildFailsAndRelativeToTheBuildFolder(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute()).isInstanceOf(MojoFailureException.class);

        JsonNode report = read(workDir.resolve("out/report.json"));
        assertThat(report.path("deployments").findValuesAsText("result")).containsExactly("failed", "succeeded");
        assertThat(report.path("deployments").findValuesAsText("deploymentId")).containsExactly("gone-2", "ok-1");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-ok-1/pom.xml")
    void inAProjectTheDefaultIsTargetFleetGoalJson(CancelDeploymentMojo mojo) throws Exception {
        request.setProjectPresent(true);

        run(mojo);

        JsonNode report = read(workDir.resolve("target/fleet/cancel-deployment.json"));
        assertThat(report.path("deployments").findValuesAsText("result")).containsExactly("succeeded");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-ok-1/pom.xml")
    void withoutAProjectNoReportUnlessAsked(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        assertThat(workDir.resolve("target")).doesNotExist();
        assertThat(info()).noneMatch(line -> line.startsWith("Report:"));
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-ok-1/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "reportFile", value = "${work.dir}/plan.json")
    void aDryRunReportsThePlannedRequests(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        JsonNode report = read(workDir.resolve("plan.json"));
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        JsonNode planned = report.path("deployments").get(0);
        assertThat(planned.path("result").asText()).isEqualTo("planned");
        assertThat(planned.path("requests").get(0).path("method").asText()).isEqualTo("POST");
        assertThat(planned.path("requests").get(0).path("url").asText())
                .isEqualTo(baseUrl() + "/api/v2/fleet/deployments/ok-1/cancel");
    }

    private static JsonNode read(Path file) throws IOException {
        assertThat(file).isRegularFile();
        String text = Files.readString(file);
        assertThat(text).doesNotContain(ALL_SECRETS.toArray(String[]::new));
        return JSON.readTree(text);
    }
}
