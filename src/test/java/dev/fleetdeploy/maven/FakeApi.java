package dev.fleetdeploy.maven;

import dev.fleetdeploy.testing.StatusLine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers by method and target ("POST /api/v2/fleet/deployments/abc/cancel"), not by arrival order: the plugin works
 * on several deployments at once, so the order of requests is not fixed. Anything unrouted gets a 404 that says so.
 */
final class FakeApi extends Dispatcher {
    private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();

    /**
     * @param target the path and query exactly as the request line carries them
     * @param responses the answers to give in turn; the last one is repeated
     */
    FakeApi on(String method, String target, MockResponse... responses) {
        routes.put(method + " " + target, new ArrayDeque<>(List.of(responses)));
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Deque<MockResponse> answers = routes.get(request.getMethod() + " " + request.getTarget());
        if (answers == null) {
            return json(
                    404,
                    "{\"errors\":[\"the test's fake API has no route for " + request.getMethod() + " "
                            + request.getTarget() + "\"]}");
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    /** An answer with the reason phrase Datadog sends (MockWebServer's own would be "Client Error"). */
    static MockResponse json(int code, String body) {
        return answer(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse noContent() {
        return answer(204).build();
    }

    static MockResponse.Builder answer(int code) {
        return new MockResponse.Builder().status(StatusLine.of(code));
    }

    /** Datadog v2's answer to a cancel. */
    static MockResponse v2Canceled(String id) {
        return json(
                200,
                "{\"data\":{\"id\":\"" + id + "\",\"type\":\"deployment\",\"attributes\":"
                        + "{\"message\":\"Cancellation has been requested; the deployment is stopping.\",\"status\":\"stopping\"}}}");
    }

    /** Datadog's answer to an unknown deployment. */
    static MockResponse notFound() {
        return json(404, "{\"errors\":[\"Deployment not found\"]}");
    }
}
