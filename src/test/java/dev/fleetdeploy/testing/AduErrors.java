package dev.fleetdeploy.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error bodies the fake ADU sends: the spec's {@code {"error":{...}}} shape, and the RFC 7807 problem details
 * that the live service sends for a 404 instead.
 */
final class AduErrors {
    static final String PROBLEM_TYPE_NOT_FOUND = "https://tools.ietf.org/html/rfc7231#section-6.5.4";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AduErrors() {}

    /** {@code {"error":{"code":"...","message":"..."}}}. */
    static String azure(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Json.write(Map.of("error", error));
    }

    /** The spec's 404: the deployment is not found, and the inner error says which part of the path was missing. */
    static String azureNotFound(AduOutcome.Missing missing, String deploymentId) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", missing.what() + "NotFound");
        inner.put("message", missingText(missing));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "DeploymentNotFound");
        error.put("message", "Deployment '" + deploymentId + "' was not found.");
        error.put("innererror", inner);
        return Json.write(Map.of("error", error));
    }

    /** The live 404: {@code {"type":...,"title":"Not Found","status":404,"traceId":"00-<32 hex>-<16 hex>-00"}}. */
    static String problemNotFound() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_TYPE_NOT_FOUND);
        body.put("title", "Not Found");
        body.put("status", 404);
        body.put("traceId", "00-" + hex(16) + "-" + hex(8) + "-00");
        return Json.write(body);
    }

    private static String missingText(AduOutcome.Missing missing) {
        return switch (missing.what()) {
            case "Instance" -> "Instance '" + missing.name() + "' does not exist in this account.";
            case "Group" -> "Group '" + missing.name() + "' does not exist.";
            case "DeviceClassSubgroup" ->
                "Device class subgroup '" + missing.name() + "' does not exist in this deployment's group.";
            default -> "No deployment '" + missing.name() + "' exists where the path looks for it.";
        };
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
