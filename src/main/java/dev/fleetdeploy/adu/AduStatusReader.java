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
 *
 * <p>The 2020 v2 status also counts the devices that cannot take the update ({@code devicesIncompatibleCount}) and
 * those already in the deployment ({@code devicesAlreadyInDeploymentCount}); both are part of {@code totalDevices}
 * (docs/azure-device-update-api.md, "Status and states"), so they are shown whenever the answer has them, and the
 * counts add up to the total.
 */
final class AduStatusReader {
    /**
     * States after which a deployment changes no more: canceled, failed, inactive (2021), superseded (the 2020 v2
     * API: a newer deployment to the same devices exists). Active ones are final once no device is in progress.
     */
    private static final Set<String> FINAL_STATES = Set.of("canceled", "failed", "inactive", "superseded");

    private AduStatusReader() {}

    /**
     * The device counts of one status object (a whole deployment or one subgroup).
     *
     * @param incompatible devices that cannot take the update, or null when the answer does not say
     * @param alreadyInDeployment devices already in the deployment, or null when the answer does not say
     */
    private record Counts(
            Long total,
            long succeeded,
            long failed,
            long inProgress,
            long canceled,
            Long incompatible,
            Long alreadyInDeployment) {
        static final Counts NONE = new Counts(null, 0, 0, 0, 0, null, null);

        static Counts of(JsonNode node) {
            return new Counts(
                    optional(node, "totalDevices"),
                    count(node, "devicesCompletedSucceededCount"),
                    count(node, "devicesCompletedFailedCount"),
                    count(node, "devicesInProgressCount"),
                    count(node, "devicesCanceledCount"),
                    optional(node, "devicesIncompatibleCount"),
                    optional(node, "devicesAlreadyInDeploymentCount"));
        }

        Counts plus(Counts other) {
            return new Counts(
                    sum(total, other.total),
                    succeeded + other.succeeded,
                    failed + other.failed,
                    inProgress + other.inProgress,
                    canceled + other.canceled,
                    sum(incompatible, other.incompatible),
                    sum(alreadyInDeployment, other.alreadyInDeployment));
        }

        private static Long sum(Long a, Long b) {
            return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
        }

        Map<String, Long> asMap() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("succeeded", succeeded);
            counts.put("failed", failed);
            counts.put("in progress", inProgress);
            counts.put("canceled", canceled);
            if (incompatible != null) {
                counts.put("incompatible", incompatible);
            }
            if (alreadyInDeployment != null) {
                counts.put("already in deployment", alreadyInDeployment);
            }
            return counts;
        }

        String summary() {
            return (total == null ? "" : total + " device" + (total == 1 ? "" : "s") + ": ") + succeeded
                    + " succeeded, " + failed + " failed, " + inProgress + " in progress, " + canceled + " canceled"
                    + (incompatible == null ? "" : ", " + incompatible + " incompatible")
                    + (alreadyInDeployment == null ? "" : ", " + alreadyInDeployment + " already in deployment");
        }

        private static long count(JsonNode node, String field) {
            Long value = optional(node, field);
            return value == null ? 0 : value;
        }

        private static Long optional(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value != null && value.canConvertToLong() ? value.asLong() : null;
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
        Counts all = Counts.NONE;
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
