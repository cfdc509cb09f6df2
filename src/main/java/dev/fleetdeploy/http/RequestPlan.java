package dev.fleetdeploy.http;

import dev.fleetdeploy.core.PlannedRequest;
import java.util.ArrayList;
import java.util.List;

/** What the transport would send for a request, credentials masked, for a dry run. */
final class RequestPlan {
    private RequestPlan() {}

    /** @param note why or when it would be sent, or null */
    static PlannedRequest of(ApiRequest request, String note) {
        List<String> lines = new ArrayList<>();
        for (ApiRequest.Header header : request.headers()) {
            lines.add(header.display());
        }
        for (ApiRequest.Header header : StandardHeaders.ALL) {
            lines.add(header.display());
        }
        if (request.jsonBody() != null) {
            lines.add("Content-Type: application/json");
            lines.add("body: " + request.jsonBody());
        }
        if (request.rawBody() != null) {
            lines.add("Content-Type: " + request.rawBody().contentType());
            lines.add("body: " + request.displayForm());
        } else if (!request.form().isEmpty()) {
            lines.add("Content-Type: application/x-www-form-urlencoded");
            lines.add("body: " + request.displayForm());
        }
        return new PlannedRequest(request.method(), request.url().toString(), lines, note);
    }
}
