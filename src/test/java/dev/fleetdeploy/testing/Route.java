package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Which Fleet deployments operation a request asks for: {@code GET /api/{v2|unstable}/fleet/deployments/{id}},
 * {@code POST .../{id}/cancel}, and in v2 the list ({@code GET /api/v2/fleet/deployments}) and the two creates
 * ({@code POST /api/v2/fleet/deployments/configure} and {@code .../upgrade}).
 *
 * @param v2 the v2 generation (else unstable)
 * @param id the deployment id, percent-decoded as one path segment; for the list and the creates, the key a test's
 *     forced answers use ({@link FakeDatadog#LIST}, {@link FakeDatadog#CONFIGURE}, {@link FakeDatadog#UPGRADE})
 * @param kind the operation
 */
record Route(boolean v2, String id, Kind kind) {

    enum Kind {
        READ("GET"),
        CANCEL("POST"),
        LIST("GET"),
        CONFIGURE("POST"),
        UPGRADE("POST");

        final String method;

        Kind(String method) {
            this.method = method;
        }
    }

    private static final Set<String> CREATES = Set.of("configure", "upgrade");

    static Optional<Route> of(HttpUrl url, String method) {
        // pathSegments() decodes each segment, so "a%2Fb" is the one id "a/b", as Datadog's clients mean it.
        List<String> segments = url.pathSegments();
        if (segments.size() < 4
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
        boolean v2 = generation.equals("v2");
        if (segments.size() == 4) {
            return v2 ? Optional.of(new Route(true, FakeDatadog.LIST, Kind.LIST)) : Optional.empty();
        }
        String id = segments.get(4);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (segments.size() == 6) {
            return segments.get(5).equals("cancel") ? Optional.of(new Route(v2, id, Kind.CANCEL)) : Optional.empty();
        }
        if (v2 && method.equals("POST") && CREATES.contains(id)) {
            return id.equals("configure")
                    ? Optional.of(new Route(true, FakeDatadog.CONFIGURE, Kind.CONFIGURE))
                    : Optional.of(new Route(true, FakeDatadog.UPGRADE, Kind.UPGRADE));
        }
        return Optional.of(new Route(v2, id, Kind.READ));
    }

    String method() {
        return kind.method;
    }

    boolean cancel() {
        return kind == Kind.CANCEL;
    }
}
