package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.Counts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 deployment body, read as a stream. */
class DeploymentDetailReaderTest {

    private static JsonRead<DeploymentDetail> read(String body) throws IOException {
        return DeploymentDetailReader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static DeploymentDetail detail(String body) throws IOException {
        JsonRead<DeploymentDetail> read = read(body);
        assertThat(read.problem()).isNull();
        return read.value();
    }

    /** The spec's example (docs/datadog-fleet-api.md), keys in alphabetical order: the counts come after hosts[]. */
    private static final String SPEC_EXAMPLE = "{\"data\":{\"attributes\":{\"author\":\"carol@datadoghq.com\","
            + "\"canceled_hosts\":1,\"config_operations\":[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\","
            + "\"patch\":{\"logs_enabled\":true}}],\"error_summary\":\"\",\"failed_hosts\":1,\"high_level_status\":\"running\","
            + "\"hosts\":[{\"hostname\":\"web-01.example.com\",\"running_step\":\"applying_config\",\"status\":\"running\","
            + "\"status_details\":\"step 2/3\",\"versions\":[{\"current_version\":\"7.50.0\",\"package_name\":\"datadog-agent\","
            + "\"target_version\":\"7.52.0\"}]},{\"error\":\"agent did not restart\",\"hostname\":\"web-02.example.com\","
            + "\"status\":\"failed\",\"versions\":[{\"current_version\":\"7.50.0\",\"initial_version\":\"7.50.0\","
            + "\"package_name\":\"datadog-agent\",\"target_version\":\"7.52.0\"}]}],"
            + "\"query\":\"env:prod AND service:web\",\"running_hosts\":1,\"skipped_hosts\":0,\"succeeded_hosts\":2,"
            + "\"target_versions\":[\"7.52.0\"],\"total_hosts\":5,\"update_type\":\"update_config_operations\"},"
            + "\"id\":\"k7Q-3mX-p9Z\",\"type\":\"deployment\"}}";

    @Test
    void readsEveryFieldOfTheSpecExampleWithTheCountsAfterTheHosts() throws IOException {
        DeploymentDetail detail = detail(SPEC_EXAMPLE);

        assertThat(detail.state()).isEqualTo("running");
        assertThat(detail.counts())
                .containsExactlyEntriesOf(Counts.of("2 succeeded, 1 failed, 1 running, 1 canceled, 0 skipped"));
        assertThat(detail.totalHosts()).isEqualTo(5);
        assertThat(detail.errorSummary()).isNull();
        assertThat(detail.updateType()).isEqualTo("update_config_operations");
        assertThat(detail.query()).isEqualTo("env:prod AND service:web");
        assertThat(detail.author()).isEqualTo("carol@datadoghq.com");
        assertThat(detail.targetVersions()).containsExactly("7.52.0");
        assertThat(detail.hostsListed()).isEqualTo(2);
        assertThat(detail.failedListed()).isEqualTo(1);
        assertThat(detail.failedHosts())
                .containsExactly(new FailedHost(
                        "web-02.example.com",
                        "agent did not restart",
                        List.of(new HostPackage("datadog-agent", "7.52.0", "7.50.0"))));
        assertThat(detail.configOperations())
                .isEqualTo(
                        "[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\",\"patch\":{\"logs_enabled\":true}}]");
    }

    @Test
    void fieldsMayComeInAnyOrderAndAFieldGivenTwiceCountsWithItsLastValue() throws IOException {
        DeploymentDetail detail = detail("{\"meta\":{\"x\":[1,{\"hosts\":[]}]},\"data\":{\"id\":\"a\",\"attributes\":{"
                + "\"hosts\":[{\"status\":\"failed\",\"hostname\":\"old\"}],\"failed_hosts\":9,\"status\":\"failed\","
                + "\"hosts\":[{\"hostname\":\"h1\",\"status\":\"FAILED\"},{\"status\":\"succeeded\",\"hostname\":\"h2\"}],"
                + "\"failed_hosts\":1},\"type\":\"deployment\"}}");

        assertThat(detail.state()).isEqualTo("failed");
        assertThat(detail.failedCount()).isEqualTo(1);
        assertThat(detail.hostsListed()).isEqualTo(2);
        assertThat(detail.failedHosts()).extracting(FailedHost::hostname).containsExactly("h1");
    }

    @Test
    void configurationOperationsAreKeptTokenForTokenAsAsciiJson() throws IOException {
        DeploymentDetail detail =
                detail("{\"data\":{\"attributes\":{\"config_operations\":[{\"file_op\":\"merge-patch\","
                        + "\"file_path\":\"/datadog.yaml\",\"patch\":{\"ratio\":1.10,\"big\":12345678901234567890,"
                        + "\"tag\":\"caf\u00e9 \u202e\\n\",\"empty\":{},\"list\":[null,false]}},{\"file_op\":\"delete\","
                        + "\"file_path\":\"/conf.d/x.yaml\"}]}}}");

        assertThat(detail.configOperations())
                .isEqualTo("[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\",\"patch\":{\"ratio\":1.10,"
                        + "\"big\":12345678901234567890,\"tag\":\"caf\\u00E9 \\u202E\\n\",\"empty\":{},"
                        + "\"list\":[null,false]}},{\"file_op\":\"delete\",\"file_path\":\"/conf.d/x.yaml\"}]");
        assertThat(detail.configOperationsTooLarge()).isFalse();
    }

    @Test
    void configurationOperationsLongerThanTheBoundAreNotKeptAndTheRestIsStillRead() throws IOException {
        String patch = "x".repeat(DeploymentDetailReader.MAX_CONFIG_OPERATIONS_CHARS);
        DeploymentDetail detail =
                detail("{\"data\":{\"attributes\":{\"config_operations\":[{\"file_op\":\"merge-patch\","
                        + "\"patch\":{\"a\":\"" + patch + "\"}}],\"high_level_status\":\"failed\"}}}");

        assertThat(detail.configOperations()).isNull();
        assertThat(detail.configOperationsTooLarge()).isTrue();
        assertThat(detail.state()).isEqualTo("failed");
    }

    @Test
    void aPackageDeploymentHasNoConfigurationOperations() throws IOException {
        DeploymentDetail detail =
                detail("{\"data\":{\"attributes\":{\"update_type\":\"update_package\",\"config_operations\":null}}}");

        assertThat(detail.configOperations()).isNull();
        assertThat(detail.configOperationsTooLarge()).isFalse();
        assertThat(detail.counts()).isEmpty();
        assertThat(detail.totalHosts()).isNull();
    }

    @Test
    void aHostErrorFromTheNetworkIsKeptFitForALogLine() throws IOException {
        DeploymentDetail detail = detail("{\"data\":{\"attributes\":{\"hosts\":[{\"hostname\":\"h1\",\"status\":"
                + "\"failed\",\"error\":\"disk full\\r\\n[INFO] BUILD SUCCESS \u202e\"}]}}}");

        assertThat(detail.failedHosts().get(0).error())
                .isEqualTo("disk full\\u000d\\u000a[INFO] BUILD SUCCESS \\u202e")
                .doesNotContain("\n");
    }

    @Test
    void whatIsNotTheDeploymentBodyIsUnreadableWithTheReason() throws IOException {
        assertThat(read("").problem()).isEqualTo("the body is empty");
        assertThat(read("[1,2]").problem()).isEqualTo("the body is not a JSON object");
        assertThat(read("<html><title>proxy</title></html>").problem()).startsWith("the body is not valid JSON (");
        assertThat(read("{\"data\":{}} {}").problem()).isEqualTo("the body goes on after its JSON object");
        assertThat(read("{\"data\":{\"attributes\":{\"hosts\":[{\"hostname\":\"a\"")
                        .problem())
                .startsWith("the body is not valid JSON (");
        String deep = "[".repeat(1_000) + "]".repeat(1_000);
        assertThat(read("{\"data\":" + deep + "}").problem()).startsWith("the body is not valid JSON (");
    }

    /** A body of {@code hosts} hosts, generated as it is read: the test holds no more of it than the reader does. */
    static InputStream generated(int hosts, int everyNthFails) {
        Iterator<InputStream> parts = new Iterator<>() {
            private int next = -1;

            @Override
            public boolean hasNext() {
                return next <= hosts;
            }

            @Override
            public InputStream next() {
                String text;
                if (next == -1) {
                    text = "{\"data\":{\"id\":\"big\",\"type\":\"deployment\",\"attributes\":{\"high_level_status\":"
                            + "\"done_with_errors\",\"hosts\":[";
                } else if (next == hosts) {
                    text = "],\"failed_hosts\":" + (hosts / everyNthFails) + ",\"total_hosts\":" + hosts + "}}}";
                } else {
                    boolean failed = (next + 1) % everyNthFails == 0;
                    text = (next == 0 ? "" : ",") + "{\"hostname\":\"host-" + next + ".example.com\",\"status\":\""
                            + (failed ? "failed\",\"error\":\"agent did not restart" : "succeeded")
                            + "\",\"versions\":[{\"package_name\":\"datadog-agent\",\"current_version\":\"7.50.0\","
                            + "\"target_version\":\"7.52.0\"}]}";
                }
                next++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        });
    }

    @Test
    void aHundredThousandHostsAreCountedAndOnlyTheFirstFailedOnesKept() throws IOException {
        JsonRead<DeploymentDetail> read = DeploymentDetailReader.read(generated(100_000, 20));

        DeploymentDetail detail = read.value();
        assertThat(detail.hostsListed()).isEqualTo(100_000);
        assertThat(detail.failedListed()).isEqualTo(5_000);
        assertThat(detail.failedCount()).isEqualTo(5_000);
        assertThat(detail.totalHosts()).isEqualTo(100_000);
        assertThat(detail.failedHosts()).hasSize(DeploymentDetailReader.FAILED_HOSTS_KEPT);
        assertThat(detail.everyFailedHostKept()).isFalse();
        // Repeated texts are held once.
        assertThat(detail.failedHosts().get(0).error())
                .isSameAs(detail.failedHosts().get(999).error());
        assertThat(detail.failedHosts().get(0).packages())
                .isSameAs(detail.failedHosts().get(999).packages());
    }
}
