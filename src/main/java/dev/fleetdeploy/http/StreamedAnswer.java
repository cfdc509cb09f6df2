package dev.fleetdeploy.http;

/**
 * An answer whose body, when it was a success, was handed to a {@link BodyReader} as it arrived.
 *
 * @param response the status, headers and attempts; for a success, its {@code body} is only the first
 *     {@link #KEPT_BYTES} bytes (for the debug log and for messages), and {@code truncated} says whether there was more
 * @param read what the reader made of the body of a success (2xx); null otherwise
 * @param <T> what the reader makes of a body
 */
public record StreamedAnswer<T>(ApiResponse response, T read) {
    /** How much of a streamed body the answer keeps as text. */
    public static final int KEPT_BYTES = 2000;

    /** The same read, with the answer as the retries ended it. */
    StreamedAnswer<T> with(ApiResponse last) {
        return new StreamedAnswer<>(last, read);
    }
}
