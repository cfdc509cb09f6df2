package dev.fleetdeploy.http;

import java.util.Optional;
import okhttp3.Headers;

/**
 * A provider's answer, read whole (up to {@link HttpTransport#MAX_BODY_BYTES}).
 *
 * @param code the HTTP status
 * @param reason the status line's reason phrase, possibly empty (HTTP/2 has none)
 * @param headers the response headers
 * @param contentType the Content-Type header, or empty text
 * @param body the body as text, empty when there was none
 */
public record ApiResponse(int code, String reason, Headers headers, String contentType, String body) {

    public boolean successful() {
        return code >= 200 && code < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** "403 Forbidden". */
    public String statusText() {
        return HttpStatusText.of(code, reason);
    }
}
