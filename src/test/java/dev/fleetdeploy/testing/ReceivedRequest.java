package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the fake server received it, for scripts and tests to check.
 *
 * @param method the HTTP method
 * @param target the request target as sent: path still percent-encoded, with the query if any
 * @param headers header values by lower-case name, in the order received
 * @param body the request body as text
 */
public record ReceivedRequest(String method, String target, Map<String, List<String>> headers, String body) {

    public ReceivedRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = copy;
    }

    /** The path as sent (still percent-encoded), without the query. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The query as sent, or null. */
    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? null : target.substring(query + 1);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** Whether the request is {@code method} to exactly {@code path} (percent-encoded as sent). */
    public boolean is(String method, String path) {
        return this.method.equals(method) && path().equals(path);
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
