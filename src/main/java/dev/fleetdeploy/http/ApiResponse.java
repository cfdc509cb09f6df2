package dev.fleetdeploy.http;

import dev.fleetdeploy.core.WireText;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A provider's answer, read up to {@link HttpTransport#MAX_BODY_BYTES}. Its reason phrase and every header value it
 * hands out are cleaned ({@link WireText}): a server's words reach no message raw. The body stays as it came, for the
 * readers to parse; what they take from it is cleaned where it enters the core's types.
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
 * @param hintAddition what to add to the hint of a failure this answer becomes, starting with a space: why a
 *     retryable answer was not retried (the execution's deadline), and that an earlier attempt may have worked; or
 *     empty text
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
        String hintAddition) {

    public ApiResponse {
        reason = reason == null ? "" : WireText.clean(reason);
        contentType = contentType == null ? "" : WireText.clean(contentType);
    }

    public ApiResponse(int code, String reason, Headers headers, String contentType, String body) {
        this(code, reason, headers, contentType, body, false, 1, false, "");
    }

    public boolean successful() {
        return code >= 200 && code < 300;
    }

    /** The header's value, cleaned: a Location, a rate-limit name, a hint of the server's. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).map(WireText::clean);
    }

    /** "403 Forbidden". */
    public String statusText() {
        return HttpStatusText.of(code, reason);
    }

    /** Whether this answer's {@code Location} stays on the scheme, host and port of {@code base}. */
    public boolean redirectsWithin(okhttp3.HttpUrl base) {
        return header("Location")
                .map(base::resolve)
                .filter(target -> ApiBaseUrl.sameOrigin(target, base))
                .isPresent();
    }

    /** This answer, after {@code earlier} requests sent for it before its own (a token's). */
    public ApiResponse after(int earlier) {
        return earlier == 0 ? this : asLastOf(attempts + earlier, earlierAttemptMayHaveApplied, hintAddition);
    }

    /** This answer, as the last of {@code attempts} tries. */
    ApiResponse asLastOf(int attempts, boolean earlierAttemptMayHaveApplied, String hintAddition) {
        return new ApiResponse(
                code,
                reason,
                headers,
                contentType,
                body,
                truncated,
                attempts,
                earlierAttemptMayHaveApplied,
                hintAddition);
    }
}
