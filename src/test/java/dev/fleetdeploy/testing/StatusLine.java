package dev.fleetdeploy.testing;

import java.util.Map;

/**
 * The HTTP/1.1 status line Datadog's servers send. MockWebServer would say "Client Error" for every 4xx; the plugin
 * shows the reason phrase to users, so the fake sends the real one.
 */
public final class StatusLine {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"),
            Map.entry(307, "Temporary Redirect"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private StatusLine() {}

    /** "HTTP/1.1 403 Forbidden"; a code without a known phrase gets none, as HTTP allows. */
    public static String of(int code) {
        return ("HTTP/1.1 " + code + " " + REASONS.getOrDefault(code, "")).strip();
    }
}
