package dev.fleetdeploy.adu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeploy.core.DeploymentStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns ADU's status bodies into a {@link DeploymentStatus}: a GA group status (with {@code subgroupStatus[]}), one
 * subgroup's status, or the v2 / 2021-preview status with its counts at the top. States are open-ended text: a value
 * this plugin does not know is shown as it is.
 */
final class AduStatusReader {
    /** States after which a deployment changes no more. Active ones are final once no device is still in progress. */
    private static final Set<String> FINAL_STATES = Set.of("canceled", "failed", "inactive");

    private AduStatusReader() {}

    /** The device counts of one status object (a whole deployment or one subgroup). */
    private record Counts(Long total, long succeeded, long failed, long inProgress, long canceled, long incompatible) {
        static Counts of(JsonNode node) {
            JsonNode total = node.get("totalDevices");
            return new Counts(
                    total != null && total.canConvertToLong() ? total.asLong() : null,
                    count(node, "devicesCompletedSucceededCount"),
                    count(node, "devicesCompletedFailedCount"),
                    count(node, "devicesInProgressCount"),
                    count(node, "devicesCanceledCount"),
                    count(node, "devicesIncompatibleCount"));
        }

        Counts plus(Counts other) {
            Long sum = total == null && other.total == null
                    ? null
                    : (total == null ? 0 : total) + (other.total == null ? 0 : other.total);
            return new Counts(
                    sum,
                    succeeded + other.succeeded,
                    failed + other.failed,
                    inProgress + other.inProgress,
                    canceled + other.canceled,
                    incompatible + other.incompatible);
        }

        Map<String, Long> asMap() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("succeeded", succeeded);
            counts.put("failed", failed);
            counts.put("in progress", inProgress);
            counts.put("canceled", canceled);
            if (incompatible > 0) {
                counts.put("incompatible", incompatible);
            }
            return counts;
        }

        String summary() {
            return (total == null ? "" : total + " device" + (total == 1 ? "" : "s") + ": ") + succeeded
                    + " succeeded, " + failed + " failed, " + inProgress + " in progress, " + canceled + " canceled";
        }

        private static long count(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value != null && value.canConvertToLong() ? value.asLong() : 0;
        }
    }

    static DeploymentStatus read(JsonNode root) {
        String state = text(root, "deploymentState");
        JsonNode subgroups = root.path("subgroupStatus");
        List<String> details = new ArrayList<>();
        error(root).ifPresent(error -> details.add("error: " + error));
        if (!subgroups.isArray()) {
            Counts counts = Counts.of(root);
            return new DeploymentStatus(
                    state, isFinal(state, counts), "devices", counts.total(), counts.asMap(), details);
        }
        Counts all = new Counts(null, 0, 0, 0, 0, 0);
        boolean allFinal = true;
        for (JsonNode subgroup : subgroups) {
            Counts counts = Counts.of(subgroup);
            all = all.plus(counts);
            String subgroupState = text(subgroup, "deploymentState");
            allFinal &= isFinal(subgroupState, counts);
            details.add("subgroup " + text(subgroup, "deviceClassId") + ": "
                    + (subgroupState == null ? "state unknown" : subgroupState) + "; " + counts.summary()
                    + error(subgroup).map(error -> "; error: " + error).orElse(""));
        }
        boolean terminal = (state != null && FINAL_STATES.contains(state.toLowerCase(Locale.ROOT))) || allFinal;
        return new DeploymentStatus(state, terminal, "devices", all.total(), all.asMap(), details);
    }

    /** Final: a canceled, failed or inactive deployment, or any other one with no device still in progress. */
    private static boolean isFinal(String state, Counts counts) {
        if (state != null && FINAL_STATES.contains(state.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return counts.inProgress() == 0;
    }

    private static java.util.Optional<String> error(JsonNode node) {
        JsonNode error = node.path("error");
        if (!error.isObject()) {
            return java.util.Optional.empty();
        }
        String message = text(error, "message");
        String code = text(error, "code");
        if (message == null && code == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(message == null ? code : code == null ? message : message + " (" + code + ")");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                        || !value.isValueNode()
                        || value.isNull()
                        || value.asText().isBlank()
                ? null
                : value.asText();
    }
}
