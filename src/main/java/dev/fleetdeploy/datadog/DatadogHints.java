package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.RefusedRedirect;

/** What to check next after Datadog answered outside 2xx, by status. */
final class DatadogHints {
    private DatadogHints() {}

    static String forAnswer(Operation operation, ApiResponse response, DatadogConfig config) {
        int code = response.code();
        String site = config.site().site();
        String where = config.baseUrlOverridden()
                ? "the baseUrl (" + config.displayBaseUrl() + ")"
                : "the site (" + site + ")";
        if (RefusedRedirect.is(response)) {
            return new RefusedRedirect("Datadog", "the keys reach", where, " and the API generation")
                    .hint(response, config.baseUrl(), operation == Operation.STATUS);
        }
        return switch (code) {
            case 400 ->
                operation == Operation.CANCEL
                        ? "A deployment can be canceled only while its status is pending or running: check its status with the"
                                + " deployment-status goal, and check the deployment id."
                        : "Check the deployment id.";
            case 401 ->
                "Check the API key and the application key: both must be valid keys of the Datadog organization on "
                        + site + ".";
            case 403 ->
                "Check that the application key has the "
                        + (operation == Operation.STATUS
                                ? "hosts_read permission"
                                : "agent_upgrade_write and fleet_policies_write permissions")
                        + " and that both keys belong to the organization on " + site + ".";
            case 404 -> notFound(config, where);
            case 405 -> "Check the API generation (datadogApi=" + config.api().id() + ") and " + where + ".";
            case 429 -> rateLimited(response);
            default ->
                code >= 500
                        ? "Datadog had an error on its side: try again later, and see https://status.datadoghq.com."
                        : "Check the request against Datadog's Fleet Automation API documentation.";
        };
    }

    private static String notFound(DatadogConfig config, String where) {
        String common = "Check the deployment id (a 404 also means the keys' owner cannot see it), " + where;
        if (config.api() == DatadogApi.UNSTABLE) {
            return common + " and the API generation: datadogApi=unstable calls the Preview endpoints, which Datadog"
                    + " has dropped from its public API, so the path itself may be gone; try datadogApi=v2.";
        }
        return common + " and the API generation (datadogApi=v2; the older Preview endpoints are datadogApi=unstable).";
    }

    private static String rateLimited(ApiResponse response) {
        StringBuilder hint = new StringBuilder("Datadog's rate limit was reached");
        response.header("x-ratelimit-name")
                .ifPresent(name -> hint.append(" (").append(name).append(')'));
        response.header("x-ratelimit-limit")
                .ifPresent(limit -> hint.append(": ")
                        .append(limit)
                        .append(" requests")
                        .append(response.header("x-ratelimit-period")
                                .map(p -> " per " + p + " s")
                                .orElse("")));
        hint.append(response.header("x-ratelimit-reset")
                .map(r -> "; wait " + r + " s")
                .orElse("; wait a while"));
        return hint.append(" before running again, or raise maxRetries.").toString();
    }
}
