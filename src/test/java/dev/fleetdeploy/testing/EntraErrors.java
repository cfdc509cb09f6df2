package dev.fleetdeploy.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Microsoft Entra ID's token endpoint errors, in its wire shape: an OAuth {@code error}, an
 * {@code error_description} that starts with the AADSTS code and ends with trace lines, and the ids and times again
 * as fields. The texts name tenants and client ids, never a secret or an assertion.
 */
final class EntraErrors {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EntraErrors() {}

    /**
     * One error body.
     *
     * @param error the OAuth error, e.g. {@code invalid_client}
     * @param aadsts the AADSTS number, e.g. 7000215
     * @param text the text after "AADSTS{n}: "
     * @param traceId the trace id, also sent as {@code x-ms-request-id}
     * @param correlationId the correlation id (the client's {@code client-request-id} when it sent one)
     */
    static String body(String error, int aadsts, String text, String traceId, String correlationId) {
        String timestamp = TIMESTAMP.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put(
                "error_description",
                "AADSTS" + aadsts + ": " + text + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                        + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(aadsts));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        return Json.write(body);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String tenantNotFound(String tenant) {
        return "Tenant '" + tenant
                + "' not found. Check to make sure you have the correct tenant ID and are signing into"
                + " the correct cloud. Check with your subscription administrator, this may happen if there are no active"
                + " subscriptions for the tenant.";
    }

    static String applicationNotFound(String clientId, String tenant) {
        return "Application with identifier '" + clientId + "' was not found in the directory '" + tenant
                + "'. This can"
                + " happen if the application has not been installed by the administrator of the tenant or consented to"
                + " by any user in the tenant. You may have sent your authentication request to the wrong tenant.";
    }

    static String invalidSecret(String clientId) {
        return "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value,"
                + " not the client secret ID, for a secret added to app '" + clientId + "'.";
    }
}
