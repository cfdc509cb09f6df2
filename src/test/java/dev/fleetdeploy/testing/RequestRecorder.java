package dev.fleetdeploy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;

/**
 * Turns what MockWebServer received into a {@link ReceivedRequest}, the same way for every fake, and finds requests
 * in what a fake recorded.
 */
final class RequestRecorder {

    private RequestRecorder() {}

    /** The requests with this method to exactly this path (percent-encoded, as sent; query ignored). */
    static List<ReceivedRequest> matching(List<ReceivedRequest> received, String method, String path) {
        return received.stream().filter(r -> r.is(method, path)).toList();
    }

    /** The only request with this method to this path; fails, listing what was received, when there are 0 or more. */
    static ReceivedRequest only(List<ReceivedRequest> received, String method, String path) {
        List<ReceivedRequest> matching = matching(received, method, path);
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one " + method + " " + path + " but got " + matching.size()
                    + "; received: " + received);
        }
        return matching.get(0);
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
