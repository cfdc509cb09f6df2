package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.RefusedRedirect;
import java.util.Locale;

/** What to check next after Azure Device Update answered outside 2xx, by status. */
final class AduHints {
    private AduHints() {}

    static String forAnswer(Operation operation, ApiResponse response, AduConfig config, DeploymentPart part) {
        int code = response.code();
        String where = config.baseUrlOverridden()
                ? "the baseUrl (" + config.displayBaseUrl() + ")"
                : "the endpoint (" + config.host() + ")";
        if (RefusedRedirect.is(response)) {
            return new RefusedRedirect("Azure Device Update", "the token reaches", where, " and apiVersion")
                    .hint(response, config.baseUrl(), operation == Operation.STATUS);
        }
        return switch (code) {
            case 400 ->
                "Check apiVersion (" + config.version().version() + "): the account may not offer it; and check the"
                        + " deployment id" + (config.groupId() == null ? "." : " and groupId.");
            case 401 ->
                "Check the token: it may have expired, or have been issued for another resource (it must be for"
                        + " https://api.adu.microsoft.com/), or for another tenant than the account's.";
            case 403 ->
                "Give the identity the Device Update Deployments Administrator (or Device Update Administrator) role"
                        + " on the account, or check that the token is for the account's tenant.";
            case 404 -> notFound(config, part, where);
            case 409 ->
                operation == Operation.RETRY
                        ? "The deployment's state does not allow a retry (a canceled deployment cannot be reactivated): check it with the deployment-status goal."
                        : "The deployment's state does not allow it: check it with the deployment-status goal.";
            case 429 ->
                "Azure Device Update's rate limit was reached: wait a while before running again, lower parallelism,"
                        + " or raise maxRetries.";
            default ->
                code >= 500
                        ? "Azure Device Update had an error on its side: try again later, and see https://azure.status.microsoft/."
                        : "Check the request against the Azure Device Update REST API documentation for "
                                + config.version().describe() + ".";
        };
    }

    private static String notFound(AduConfig config, DeploymentPart part, String where) {
        StringBuilder hint = new StringBuilder("Check the deployment id");
        if (config.version().generation() != AduApiVersion.Generation.V2) {
            hint.append(", groupId ('").append(config.groupId()).append("')");
        }
        if (part.subgroup() != null) {
            hint.append(", the device class ('").append(part.subgroup()).append("')");
        }
        hint.append(", the instance ('")
                .append(config.instance())
                .append("'), ")
                .append(where)
                .append(" and apiVersion (")
                .append(config.version().version())
                .append("): the 2020 v2 management API, 2021-06-01-preview and the GA versions use different paths");
        String id = part.id().value();
        if (config.version().generation() == AduApiVersion.Generation.SUBGROUP_ACTION
                && !id.equals(id.toLowerCase(Locale.ROOT))) {
            hint.append("; GA deployment ids are lower-case, and '").append(id).append("' is not");
        }
        return hint.append('.').toString();
    }
}
