package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path folder;

    @Test
    void reportHasOneEntryPerDeploymentWithItsResultAndNoSecret() throws IOException {
        ScriptedProvider provider = new ScriptedProvider();
        FleetTarget target =
                new FleetTarget(TargetName.TOP_LEVEL, provider, List.of(new DeploymentId("a"), new DeploymentId("b")));
        DeploymentStatus status =
                new DeploymentStatus("running", false, "hosts", 5L, Map.of("failed", 1L), List.of("error summary: x"));
        RunReport report = new RunReport(
                Operation.CANCEL,
                false,
                List.of(
                        new DeploymentOutcome.Succeeded(
                                target,
                                DeploymentPart.whole(new DeploymentId("a")),
                                new ActionResult(200, "stopping", "requested"),
                                status),
                        new DeploymentOutcome.Failed(
                                target,
                                DeploymentPart.whole(new DeploymentId("b")),
                                403,
                                "HTTP 403 Forbidden: key k-SECRET-1234 lacks rights",
                                "Check the permissions.",
                                "Datadog cancel of deployment 'b' failed: ...")));
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("k-SECRET-1234"));
        Path file = folder.resolve("target/fleet/cancel-deployment.json");

        ReportWriter.write(report, file, masker);

        String text = Files.readString(file);
        assertThat(text).doesNotContain("k-SECRET-1234");
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.path("goal").asText()).isEqualTo("cancel-deployment");
        assertThat(root.path("deploymentCount").asInt()).isEqualTo(2);
        assertThat(root.path("failureCount").asInt()).isEqualTo(1);
        JsonNode first = root.path("deployments").get(0);
        assertThat(first.path("deploymentId").asText()).isEqualTo("a");
        assertThat(first.path("provider").asText()).isEqualTo("datadog");
        assertThat(first.path("result").asText()).isEqualTo("succeeded");
        assertThat(first.path("httpStatus").asInt()).isEqualTo(200);
        // The state read last (the status after a wait) is the one the entry shows.
        assertThat(first.path("state").asText()).isEqualTo("running");
        assertThat(first.path("operation").asText()).isEqualTo("cancel");
        assertThat(first.path("counts").path("failed").asLong()).isEqualTo(1);
        assertThat(first.path("status").path("counts").path("failed").asLong()).isEqualTo(1);
        assertThat(first.path("attempts").asInt()).isZero();
        assertThat(first.path("durationMillis").asLong()).isZero();
        JsonNode second = root.path("deployments").get(1);
        assertThat(second.path("result").asText()).isEqualTo("failed");
        assertThat(second.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(second.path("problem").asText()).contains("****");
        assertThat(Files.list(file.getParent())).containsExactly(file); // No temporary file left behind.
    }
}
