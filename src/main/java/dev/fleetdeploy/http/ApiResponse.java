package dev.fleetdeploy.http;

import java.util.Optional;
import okhttp3.Headers;

/**
 * A provider's answer, read up to {@link HttpTransport#MAX_BODY_BYTES}.
 *
 * @param code the HTTP status
 * @param reason the status line's reason phrase, possibly empty (HTTP/2 has none)
 * @param headers the response headers
 * @param contentType the Content-Type header, or empty text
 * @param body the body as text, empty when there was none
 * @param truncated whether the body was longer than the transport reads
 * @param attempts how many requests it took to get this answer: 1 without retries, and more with them (or with a
 *     token fetched for it)
 * @param earlierAttemptMayHaveApplied whether an earlier attempt of a request that changes something ended without a
 *     clear answer (timed out, reset, 5xx): it may have taken effect, so a refusal now may only mean "already done"
 * @param retryNote why a retryable answer was not retried (the execution's deadline), for the failure's hint; or null
 */
public record ApiResponse(
        int code,
        String reason,
        Headers headers,
        String contentType,
        String body,
        boolean truncated,
        int attempts,
        boolean earlierAttemptMayHaveApplied,
        String retryNote) {

    public ApiResponse(int code, String reason, Headers headers, String contentType, String body) {
        this(code, reason, headers, contentType, body, false, 1, false, null);
    }

    /** What to add to a failure's hint: why no retry came, and that an earlier attempt may have worked. */
    public String hintAddition() {
        String addition = retryNote == null ? "" : " " + retryNote;
        if (earlierAttemptMayHaveApplied) {
            addition += " An earlier attempt got no clear answer and may still have been applied: check the deployment"
                    + " with the deployment-status goal.";
        }
        return addition;
    }

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

    /** Whether this answer's {@code Location} stays on the scheme, host and port of {@code base}. */
    public boolean redirectsWithin(okhttp3.HttpUrl base) {
        return header("Location")
                .map(base::resolve)
                .filter(target -> target.scheme().equals(base.scheme())
                        && target.host().equals(base.host())
                        && target.port() == base.port())
                .isPresent();
    }

    /** This answer, after {@code earlier} requests sent for it before its own (a token's). */
    public ApiResponse after(int earlier) {
        return earlier == 0 ? this : afterAttempts(attempts + earlier, earlierAttemptMayHaveApplied);
    }

    /** This answer, as the last of {@code attempts} tries. */
    ApiResponse afterAttempts(int attempts, boolean earlierAttemptMayHaveApplied) {
        return new ApiResponse(
                code, reason, headers, contentType, body, truncated, attempts, earlierAttemptMayHaveApplied, retryNote);
    }

    ApiResponse withRetryNote(String note) {
        return new ApiResponse(
                code, reason, headers, contentType, body, truncated, attempts, earlierAttemptMayHaveApplied, note);
    }
}
