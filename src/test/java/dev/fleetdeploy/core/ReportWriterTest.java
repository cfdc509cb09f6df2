package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.testing.JsonFields;
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
        FleetTarget target = TestOutcomes.target(TargetName.TOP_LEVEL, "a", "b");
        DeploymentStatus status =
                new DeploymentStatus("running", false, "hosts", 5L, Map.of("failed", 1L), List.of("error summary: x"));
        RunReport report = new RunReport(
                Operation.CANCEL,
                false,
                List.of(
                        TestOutcomes.succeeded(target, "a", new ActionResult(200, "stopping", "requested"), status),
                        TestOutcomes.refusedCancel(
                                target,
                                "b",
                                403,
                                "HTTP 403 Forbidden: key k-SECRET-1234 lacks rights",
                                "Check the permissions.")));
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("k-SECRET-1234"));
        Path file = folder.resolve("target/fleet/cancel-deployment.json");

        ReportWriter.write(report, file, masker);

        String text = Files.readString(file);
        assertThat(text).doesNotContain("k-SECRET-1234");
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(JsonFields.of(root))
                .containsAllEntriesOf(Map.of("goal", "cancel-deployment", "deploymentCount", "2", "failureCount", "1"));
        JsonNode first = root.path("deployments").get(0);
        // The state read last (the status after a wait) is the one the entry shows.
        assertThat(JsonFields.of(first))
                .containsAllEntriesOf(Map.of(
                        "deploymentId", "a",
                        "provider", "datadog",
                        "result", "succeeded",
                        "httpStatus", "200",
                        "state", "running",
                        "operation", "cancel",
                        "attempts", "0",
                        "durationMillis", "0"));
        assertThat(first.path("counts").path("failed").asLong()).isEqualTo(1);
        assertThat(first.path("status").path("counts").path("failed").asLong()).isEqualTo(1);
        JsonNode second = root.path("deployments").get(1);
        assertThat(second.path("result").asText()).isEqualTo("failed");
        assertThat(second.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(second.path("problem").asText()).contains("****");
        assertThat(Files.list(file.getParent())).containsExactly(file); // No temporary file left behind.
    }
}
