package dev.fleetdeploy.http;

import dev.fleetdeploy.core.WireText;
import java.util.Map;

/**
 * "404 Not Found": the status with its reason phrase, from the answer or, where it sent none, the standard one. The
 * server's phrase is cleaned ({@link WireText}): a CR or an escape sequence in it stays on the line, shown.
 */
public final class HttpStatusText {
    private static final Map<Integer, String> STANDARD = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(201, "Created"),
            Map.entry(202, "Accepted"),
            Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"),
            Map.entry(303, "See Other"),
            Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private HttpStatusText() {}

    public static String of(int code, String reason) {
        String phrase = reason == null || reason.isBlank() ? STANDARD.get(code) : WireText.clean(reason.strip());
        return phrase == null ? Integer.toString(code) : code + " " + phrase;
    }
}
