package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Which Fleet deployments operation a URL asks for: {@code GET /api/{v2|unstable}/fleet/deployments/{id}} or
 * {@code POST .../{id}/cancel}.
 *
 * @param v2 the v2 generation (else unstable)
 * @param id the deployment id, percent-decoded as one path segment
 * @param cancel the cancel operation (else get)
 */
record Route(boolean v2, String id, boolean cancel) {

    static Optional<Route> of(HttpUrl url) {
        // pathSegments() decodes each segment, so "a%2Fb" is the one id "a/b", as Datadog's clients mean it.
        List<String> segments = url.pathSegments();
        if (segments.size() < 5
                || segments.size() > 6
                || !segments.get(0).equals("api")
                || !segments.get(2).equals("fleet")
                || !segments.get(3).equals("deployments")) {
            return Optional.empty();
        }
        String generation = segments.get(1);
        if (!generation.equals("v2") && !generation.equals("unstable")) {
            return Optional.empty();
        }
        String id = segments.get(4);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (segments.size() == 6 && !segments.get(5).equals("cancel")) {
            return Optional.empty();
        }
        return Optional.of(new Route(generation.equals("v2"), id, segments.size() == 6));
    }

    String method() {
        return cancel ? "POST" : "GET";
    }
}
