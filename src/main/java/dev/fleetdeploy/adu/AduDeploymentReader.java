package dev.fleetdeploy.adu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ADU's Deployment bodies: the flags a cancel or retry answers with, and the subgroups a GA deployment lists.
 * Absent booleans mean false (the live service leaves them out); unknown fields are ignored.
 */
final class AduDeploymentReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AduDeploymentReader() {}

    /** "HTTP 200: isCanceled=true, isRetried=false", with the retry flag under the name the answer used. */
    static ActionResult actionResult(ApiResponse response) {
        Optional<JsonNode> deployment = object(response.body());
        if (deployment.isEmpty()) {
            String why = response.body().isBlank() ? "no body" : "a body that is not a deployment";
            return new ActionResult(
                    response.code(),
                    null,
                    "accepted",
                    "the answer came with " + why
                            + ", so the deployment's flags are unknown; its status says the request was accepted.");
        }
        JsonNode root = deployment.get();
        // The v2 wire says isRetry, its 2020 spec examples and every later version isRetried.
        String retryFlag = root.has("isRetry") && !root.has("isRetried") ? "isRetry" : "isRetried";
        StringBuilder flags = new StringBuilder()
                .append("isCanceled=")
                .append(flag(root, "isCanceled"))
                .append(", ")
                .append(retryFlag)
                .append('=')
                .append(flag(root, retryFlag));
        if (root.has("isCompleted")) {
            flags.append(", isCompleted=").append(flag(root, "isCompleted"));
        }
        return new ActionResult(response.code(), null, flags.toString());
    }

    /** Whether the deployment's own flag says the operation took effect: isCanceled, or isRetried / isRetry. */
    static boolean showsDone(JsonNode deployment, boolean cancel) {
        return cancel ? flag(deployment, "isCanceled") : flag(deployment, "isRetried") || flag(deployment, "isRetry");
    }

    /** The deviceClassSubgroups a GA deployment lists, in order; empty when it lists none. */
    static List<String> subgroups(JsonNode deployment) {
        List<String> subgroups = new ArrayList<>();
        for (JsonNode item : deployment.path("deviceClassSubgroups")) {
            if (item.isTextual() && !item.asText().isBlank()) {
                subgroups.add(item.asText());
            }
        }
        return subgroups;
    }

    static boolean flag(JsonNode root, String name) {
        JsonNode value = root.get(name);
        return value != null && (value.asBoolean(false) || "true".equalsIgnoreCase(value.asText()));
    }

    /** The body as a JSON object, if it is one. */
    static Optional<JsonNode> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
