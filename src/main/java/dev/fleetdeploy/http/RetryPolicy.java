package dev.fleetdeploy.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to repeat a request and how long to wait first.
 *
 * <p>Repeats 408, 429, 500, 502, 503 and 504 answers and failed connections (refused, reset, timed out); no other
 * status, since no repetition fixes it. The wait is the server's own hint when it gives one ({@code retry-after-ms},
 * {@code x-ms-retry-after-ms}, {@code Retry-After}, Datadog's {@code x-ratelimit-reset} on a 429), raised to
 * {@code minDelay} (Azure sends {@code retry-after: 0} on every answer, and a zero wait is no backoff); else
 * exponential backoff with jitter: about 2, 4, 8 s, each between half and all of that, so that many pipelines
 * retrying at once spread out. Every wait is capped by {@code maxDelay}, so that a bad hint cannot hang an abort hook.
 *
 * @param maxRetries how many times a request may be repeated (0: never)
 * @param baseDelay the first backoff
 * @param maxDelay the longest single wait
 * @param minDelay the shortest wait a server's hint can ask for
 * @param random values in [0, 1) for the jitter
 */
public record RetryPolicy(
        int maxRetries, Duration baseDelay, Duration maxDelay, Duration minDelay, DoubleSupplier random) {

    public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(1);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    public static RetryPolicy withRetries(int maxRetries) {
        return new RetryPolicy(
                maxRetries,
                DEFAULT_BASE_DELAY,
                DEFAULT_MAX_DELAY,
                DEFAULT_MIN_DELAY,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The same policy with another source of jitter (tests use {@code () -> 1.0}: the full backoff, every time). */
    public RetryPolicy withRandom(DoubleSupplier other) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, minDelay, other);
    }

    public boolean retryableStatus(int code) {
        return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    /** The wait before retry number {@code retry} (1 for the first) after {@code response}. */
    public Duration delayAfter(ApiResponse response, int retry, Clock clock) {
        Optional<Duration> hint = RetryHint.from(response, clock).map(d -> d.compareTo(minDelay) < 0 ? minDelay : d);
        return cap(hint.orElseGet(() -> backoff(retry)));
    }

    /** The wait before retry number {@code retry} (1 for the first) without a hint: "equal jitter". */
    public Duration backoff(int retry) {
        long factor = 1L << Math.min(retry - 1, 20);
        Duration full = cap(baseDelay.multipliedBy(factor));
        long halfMillis = full.toMillis() / 2;
        return Duration.ofMillis(halfMillis + (long) (random.getAsDouble() * (full.toMillis() - halfMillis)));
    }

    private Duration cap(Duration delay) {
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
