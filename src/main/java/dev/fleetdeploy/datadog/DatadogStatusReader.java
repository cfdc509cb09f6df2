package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.WireText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns Datadog's deployment bodies into a {@link DeploymentStatus}. Status words are opaque text, not an enum. */
final class DatadogStatusReader {
    /** States after which a deployment still changes; any other state is final, so that {@code wait} never hangs on a new word. */
    private static final Set<String> NOT_FINAL = Set.of(
            "pending",
            "running",
            "stopping",
            "canceling",
            "cancelling",
            "queued",
            "scheduled",
            "in_progress",
            "starting");

    private static final List<String> HOST_STATES_ORDER =
            List.of("succeeded", "failed", "running", "pending", "canceled", "skipped");
    private static final int FAILED_HOSTS_SHOWN = 5;

    private DatadogStatusReader() {}

    static boolean isFinal(String state) {
        return state != null && !NOT_FINAL.contains(state.toLowerCase(Locale.ROOT));
    }

    /** v2: the counts come ready-made in the attributes; the failed hosts were kept as the body streamed past. */
    static DeploymentStatus fromV2(DeploymentDetail detail) {
        String state = WireText.clean(detail.state());
        List<String> details = new ArrayList<>();
        if (detail.errorSummary() != null) {
            details.add("error summary: " + WireText.clean(detail.errorSummary()));
        }
        int shown = 0;
        for (FailedHost host : detail.failedHosts()) {
            if (++shown > FAILED_HOSTS_SHOWN) {
                break;
            }
            details.add("failed on " + (host.hostname() == null ? "a host" : WireText.clean(host.hostname()))
                    + (host.error() == null ? "" : ": " + host.error()));
        }
        if (detail.failedListed() > FAILED_HOSTS_SHOWN) {
            details.add("... and " + (detail.failedListed() - FAILED_HOSTS_SHOWN) + " more failed hosts");
        }
        return new DeploymentStatus(state, isFinal(state), "hosts", detail.totalHosts(), detail.counts(), details);
    }

    /** unstable: the counts are ours to make from the (paged) host list. */
    static DeploymentStatus fromUnstable(JsonNode firstPage, List<JsonNode> hosts, boolean truncated) {
        JsonNode attributes = firstPage.path("data").path("attributes");
        String state = firstText(attributes, "high_level_status", "status");
        Map<String, Long> byState = new LinkedHashMap<>();
        for (JsonNode host : hosts) {
            String hostState = firstText(host, "status");
            byState.merge(hostState == null ? "unknown" : hostState, 1L, Long::sum);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : HOST_STATES_ORDER) {
            if (byState.containsKey(name)) {
                counts.put(name, byState.remove(name));
            }
        }
        counts.putAll(byState);
        List<String> details = new ArrayList<>();
        Long total = count(attributes, "total_hosts");
        if (truncated) {
            details.add("host counts cover the first " + hosts.size() + " hosts only");
        }
        details.addAll(failedHosts(hosts));
        return new DeploymentStatus(state, isFinal(state), "hosts", total, counts, details);
    }

    private static List<String> failedHosts(Iterable<JsonNode> hosts) {
        List<String> lines = new ArrayList<>();
        int failed = 0;
        for (JsonNode host : hosts) {
            if (!"failed".equalsIgnoreCase(firstText(host, "status"))) {
                continue;
            }
            failed++;
            if (failed <= FAILED_HOSTS_SHOWN) {
                String error = firstText(host, "error");
                lines.add("failed on " + (firstText(host, "hostname") == null ? "a host" : firstText(host, "hostname"))
                        + (error == null ? "" : ": " + error));
            }
        }
        if (failed > FAILED_HOSTS_SHOWN) {
            lines.add("... and " + (failed - FAILED_HOSTS_SHOWN) + " more failed hosts");
        }
        return lines;
    }

    private static Long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }

    static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null
                    && value.isValueNode()
                    && !value.isNull()
                    && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }
}
