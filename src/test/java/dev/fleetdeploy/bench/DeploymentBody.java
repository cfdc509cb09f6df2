package dev.fleetdeploy.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The v2 answer to {@code GET /api/v2/fleet/deployments/{id}} for a deployment of many hosts, shaped as the spec's
 * example (keys in alphabetical order, so the counts come after {@code hosts[]}), written as it is sent: the server
 * holds none of it.
 *
 * @param hosts how many hosts the deployment lists
 * @param everyNthFails every how many hosts one failed
 */
record DeploymentBody(int hosts, int everyNthFails) {

    int failed() {
        return hosts / everyNthFails;
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder chunk = new StringBuilder(64 * 1024);
        chunk.append("{\"data\":{\"attributes\":{\"author\":\"bench@example.com\",\"canceled_hosts\":0,"
                + "\"config_operations\":[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\","
                + "\"patch\":{\"log_level\":\"info\"}}],\"error_summary\":\"" + failed() + " hosts failed\","
                + "\"failed_hosts\":" + failed() + ",\"high_level_status\":\"done_with_errors\",\"hosts\":[");
        for (int i = 1; i <= hosts; i++) {
            boolean failed = i % everyNthFails == 0;
            chunk.append(i == 1 ? "" : ",")
                    .append(failed ? "{\"error\":\"agent did not restart\"," : "{")
                    .append("\"hostname\":\"host-")
                    .append(i)
                    .append(".example.com\",\"status\":\"")
                    .append(failed ? "failed" : "succeeded")
                    .append("\",\"versions\":[{\"current_version\":\"")
                    .append(failed ? "7.50.0" : "7.52.0")
                    .append("\",\"package_name\":\"datadog-agent\",\"target_version\":\"7.52.0\"}]}");
            if (chunk.length() > 60 * 1024) {
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
        chunk.append("],\"query\":\"env:bench\",\"running_hosts\":0,\"skipped_hosts\":0,\"succeeded_hosts\":")
                .append(hosts - failed())
                .append(",\"target_versions\":[\"7.52.0\"],\"total_hosts\":")
                .append(hosts)
                .append(",\"update_type\":\"update_config_operations\"},\"id\":\"big\",\"type\":\"deployment\"}}");
        out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The body's size in bytes. */
    long bytes() throws IOException {
        CountingStream counter = new CountingStream();
        writeTo(counter);
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
