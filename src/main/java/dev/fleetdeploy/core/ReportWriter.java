package dev.fleetdeploy.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the machine-readable outcome of a goal ({@code reportFile}): one entry per deployment, so that a pipeline
 * step after the build can tell which deployments were done and which failed.
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes the report whole or not at all ({@link AtomicFile}), every secret masked. */
    public static void write(RunReport report, Path file, SecretMasker masker) throws IOException {
        AtomicFile.write(file, toJson(report, masker) + System.lineSeparator());
    }

    static String toJson(RunReport report, SecretMasker masker) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("goal", report.operation().goal());
        root.put("dryRun", report.dryRun());
        root.put("deploymentCount", report.outcomes().size());
        root.put("failureCount", report.failures().size());
        if (report.stopped()) {
            // A CI abort stopped the build: say so, and how many outcomes are unknown or were never attempted.
            root.put("stopped", true);
            root.put(
                    "unknownCount",
                    report.interrupted(DeploymentOutcome.Interrupted.Stage.UNKNOWN)
                            .size());
            root.put(
                    "notAttemptedCount",
                    report.interrupted(DeploymentOutcome.Interrupted.Stage.NOT_ATTEMPTED)
                            .size());
        }
        ArrayNode deployments = root.putArray("deployments");
        for (DeploymentOutcome outcome : report.outcomes()) {
            deployments.add(entry(outcome, report.operation().verb()));
        }
        ReportSelections.put(root, report);
        // Each text masked as it is, before JSON escapes it: an echoed secret in any spelling stays findable.
        return masker.mask(JSON.writeValueAsString(masked(root, masker)));
    }

    /** A copy of the tree with every text and every name masked. */
    private static JsonNode masked(JsonNode node, SecretMasker masker) {
        if (node.isTextual()) {
            return TextNode.valueOf(masker.mask(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(masked(item, masker)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields()
                    .forEachRemaining(field -> copy.set(masker.mask(field.getKey()), masked(field.getValue(), masker)));
            return copy;
        }
        return node;
    }

    private static ObjectNode entry(DeploymentOutcome outcome, String operation) {
        ObjectNode node = JSON.createObjectNode();
        FleetTarget target = outcome.target();
        if (!target.targetName().isTopLevel()) {
            node.put("target", target.targetName().name());
        }
        node.put("provider", target.provider().kind().id());
        node.put("operation", operation);
        node.put("location", target.provider().location());
        node.put("deploymentId", outcome.id().value());
        putIfPresent(node, "subgroup", outcome.part().shownSubgroup());
        if (!(outcome instanceof DeploymentOutcome.Planned) && !(outcome instanceof DeploymentOutcome.Interrupted)) {
            node.put("attempts", outcome.attempts());
            node.put("durationMillis", outcome.duration().toMillis());
        }
        if (outcome instanceof DeploymentOutcome.Succeeded done) {
            node.put("result", "succeeded");
            if (done.action() != null) {
                node.put("httpStatus", done.action().httpStatus());
                putIfPresent(node, "state", done.action().state());
                putIfPresent(node, "message", done.action().message());
                putIfPresent(node, "warning", done.action().warning());
                putIfPresent(node, "createdDeploymentId", done.action().createdDeploymentId());
            }
            if (done.status() != null) {
                // The state read last (after a wait) is the one that holds.
                putIfPresent(node, "state", done.status().state());
                ObjectNode counts = node.putObject("counts");
                done.status().counts().forEach(counts::put);
                node.set("status", status(done.status()));
            }
        } else if (outcome instanceof DeploymentOutcome.Failed failed) {
            node.put("result", "failed");
            if (failed.httpStatus() != null) {
                node.put("httpStatus", failed.httpStatus());
            }
            node.put("problem", failed.problem());
            node.put("hint", failed.hint());
            node.put("message", failed.message());
            if (!failed.supportIds().isEmpty()) {
                ObjectNode ids = node.putObject("supportIds");
                failed.supportIds().forEach(ids::put);
            }
        } else if (outcome instanceof DeploymentOutcome.Interrupted stopped) {
            switch (stopped.stage()) {
                case NOT_ATTEMPTED -> node.put("result", "not-attempted");
                case UNKNOWN -> node.put("result", "unknown");
                case WAITING -> {
                    // The operation was done: a success, whose final state was not waited for.
                    node.put("result", "succeeded");
                    node.put("httpStatus", stopped.action().httpStatus());
                    putIfPresent(node, "state", stopped.action().state());
                    putIfPresent(node, "warning", stopped.action().warning());
                }
            }
            node.put("message", stopped.message());
            node.put("stopped", true);
        } else if (outcome instanceof DeploymentOutcome.Planned planned) {
            node.put("result", "planned");
            ArrayNode requests = node.putArray("requests");
            for (PlannedRequest request : planned.requests()) {
                ObjectNode r = requests.addObject();
                r.put("method", request.method());
                r.put("url", request.url());
                putIfPresent(r, "note", request.note());
            }
        }
        return node;
    }

    private static ObjectNode status(DeploymentStatus status) {
        ObjectNode node = JSON.createObjectNode();
        putIfPresent(node, "state", status.state());
        node.put("final", status.terminal());
        node.put("unit", status.unit());
        if (status.total() != null) {
            node.put("total", status.total());
        }
        ObjectNode counts = node.putObject("counts");
        status.counts().forEach(counts::put);
        ArrayNode details = node.putArray("details");
        status.details().forEach(details::add);
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
