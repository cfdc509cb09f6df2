package dev.fleetdeploy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/**
 * Turns what MockWebServer received into a {@link ReceivedRequest}, as {@code FleetDispatcher} does, so that the
 * Azure fakes record requests the same way the Datadog fake does.
 */
final class RequestRecorder {

    private RequestRecorder() {
    }

    static ReceivedRequest record(RecordedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            headers.put(name, new ArrayList<>(request.getHeaders().values(name)));
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return new ReceivedRequest(request.getMethod(), request.getTarget(), headers, body);
    }
}
