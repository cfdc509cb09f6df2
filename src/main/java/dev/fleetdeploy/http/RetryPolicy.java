package dev.fleetdeploy.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * When to repeat a request and how long to wait first.
 *
 * <p>Repeats 408, 429 and 5xx answers (but 501 and 505, which no repetition fixes) and failed connections, as the
 * providers' own clients do. The wait is the server's own hint when it gives a positive one (Datadog's
 * {@code x-ratelimit-reset}, {@code Retry-After}), else exponential backoff: 2 s, 4 s, 8 s... Both are capped by
 * {@code maxDelay} so that a pipeline's abort hook never hangs on a bad hint.
 *
 * @param maxRetries how many times a request may be repeated (0: never)
 * @param baseDelay the first backoff
 * @param maxDelay the longest single wait
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    public static RetryPolicy withRetries(int maxRetries) {
        return new RetryPolicy(maxRetries, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);
    }

    public boolean retryableStatus(int code) {
        return code == 408 || code == 429 || (code >= 500 && code <= 599 && code != 501 && code != 505);
    }

    /** The wait before retry number {@code retry} (1 for the first) after {@code response}. */
    public Duration delayAfter(ApiResponse response, int retry, Clock clock) {
        Optional<Duration> hint = RetryHint.from(response, clock).filter(d -> !d.isZero() && !d.isNegative());
        return cap(hint.orElseGet(() -> backoff(retry)));
    }

    /** The wait before retry number {@code retry} (1 for the first) after a failed connection. */
    public Duration backoff(int retry) {
        long factor = 1L << Math.min(retry - 1, 20);
        return cap(baseDelay.multipliedBy(factor));
    }

    private Duration cap(Duration delay) {
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
