package dev.fleetdeploy.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a fake, as it goes on the wire: what the fakes answer from their state, and what a test forces
 * whatever the state says. The factories give every error body shape that docs/datadog-fleet-api.md ("Errors") lists as seen on the wire, and
 * the connection faults a misbehaving server or network shows.
 *
 * @param code the HTTP status
 * @param headers response headers, in order
 * @param body the body, possibly empty
 * @param delay how long the fake waits before it answers (to make the plugin's readTimeout expire)
 * @param fault what the fake does to the connection instead of answering, or null when it answers
 */
public record CannedAnswer(int code, Map<String, String> headers, String body, Duration delay, ConnectionFault fault) {
    static final String JSON = "application/json";

    public CannedAnswer {
        headers = new LinkedHashMap<>(headers);
    }

    public CannedAnswer(int code, Map<String, String> headers, String body) {
        this(code, headers, body, Duration.ZERO, null);
    }

    public static CannedAnswer of(int code, String contentType, String body) {
        return new CannedAnswer(code, Map.of("Content-Type", contentType), body);
    }

    /** The documented shape: {@code {"errors":["..."]}}. */
    public static CannedAnswer errors(int code, String... messages) {
        return of(code, JSON, DatadogBodies.errors(messages));
    }

    /** The documented shape with extra keys: {@code {"status":"error","code":403,"errors":["Forbidden"]}}. */
    public static CannedAnswer statusError(int code, String... messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("code", code);
        body.put("errors", messages);
        return of(code, JSON, Json.write(body));
    }

    /** JSON:API items: {@code {"errors":[{"status":"400","title":"Bad Request","detail":"..."}]}}. */
    public static CannedAnswer jsonApiError(int code, String title, String detail) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("status", Integer.toString(code));
        item.put("title", title);
        item.put("detail", detail);
        return of(code, "application/vnd.api+json", Json.write(Map.of("errors", new Object[] {item})));
    }

    /** No {@code errors} key at all: {@code {"error":{"message":"...","code":"..."}}}. */
    public static CannedAnswer errorObject(int code, String message, String errorCode) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("code", errorCode);
        return of(code, JSON, Json.write(Map.of("error", error)));
    }

    /** What a proxy or load balancer sends. */
    public static CannedAnswer html(int code, String title) {
        return of(
                code,
                "text/html",
                "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>");
    }

    /** A status with no body. */
    public static CannedAnswer empty(int code) {
        return new CannedAnswer(code, Map.of(), "");
    }

    /** 429 with Datadog's rate-limit headers; the plugin should wait {@code resetSeconds} before trying again. */
    public static CannedAnswer rateLimited(int resetSeconds) {
        // Datadog sends these in lower case.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("x-ratelimit-limit", "100");
        headers.put("x-ratelimit-period", "60");
        headers.put("x-ratelimit-remaining", "0");
        headers.put("x-ratelimit-reset", Integer.toString(resetSeconds));
        headers.put("x-ratelimit-name", "fleet_deployments");
        return new CannedAnswer(429, headers, DatadogBodies.errors("Too many requests"));
    }

    /** Reads the request, then never answers: the client's readTimeout must end it. */
    public static CannedAnswer noAnswer() {
        return failing(ConnectionFault.STALL);
    }

    /** Reads the request, then drops the connection without a word: it may or may not have been acted on. */
    public static CannedAnswer dropConnection() {
        return failing(ConnectionFault.DROP);
    }

    /** Reads the request, then closes the socket outright (a reset as the client sees it). */
    public static CannedAnswer resetConnection() {
        return failing(ConnectionFault.RESET);
    }

    private static CannedAnswer failing(ConnectionFault fault) {
        return new CannedAnswer(200, Map.of(), "", Duration.ZERO, fault);
    }

    /** A copy with one more header (or this one's value replaced). */
    public CannedAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new CannedAnswer(code, more, body, delay, fault);
    }

    /** A copy that the fake sends only after {@code seconds}: the request arrived, the answer is late. */
    public CannedAnswer afterSeconds(long seconds) {
        return after(Duration.ofSeconds(seconds));
    }

    /** A copy that the fake sends only after {@code delay}. */
    public CannedAnswer after(Duration delay) {
        return new CannedAnswer(code, headers, body, delay, fault);
    }

    /** Whether it carries this header, in any case. */
    public boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }
}
