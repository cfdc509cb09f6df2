package dev.fleetdeploy.core;

import java.util.List;

/**
 * A request a provider would send, for {@code dryRun}: credentials already masked.
 *
 * @param method the HTTP method
 * @param url the full URL
 * @param headers "Name: value" lines, secrets shown as ****
 * @param note why or when it would be sent, or null
 */
public record PlannedRequest(String method, String url, List<String> headers, String note) {

    public PlannedRequest {
        headers = List.copyOf(headers);
    }
}
