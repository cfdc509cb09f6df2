package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.withRetries(3).withRandom(() -> 1.0);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private static ApiResponse response(int code, String... headers) {
        return new ApiResponse(code, "", Headers.of(headers), "", "");
    }

    @Test
    void retriesExactlyTheTransientStatuses() {
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(policy.retryableStatus(code)).as("%d", code).isTrue();
        }
        for (int code : new int[] {400, 401, 403, 404, 409, 422, 301, 501, 505, 507, 599}) {
            assertThat(policy.retryableStatus(code)).as("%d", code).isFalse();
        }
    }

    @Test
    void backoffDoublesFromTwoSecondsAndIsCapped() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(64)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void backoffIsJitteredBetweenHalfAndAllOfTheStep() {
        assertThat(policy.withRandom(() -> 0.0).backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.withRandom(() -> 0.5).backoff(3)).isEqualTo(Duration.ofSeconds(6));
        RetryPolicy random = RetryPolicy.withRetries(3);
        for (int i = 0; i < 100; i++) {
            assertThat(random.backoff(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void serverHintsWinOverBackoffInTheirOrder() {
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "12"), 1, clock))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.delayAfter(response(503, "Retry-After", "3"), 1, clock))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(response(503, "retry-after-ms", "1500"), 1, clock))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(policy.delayAfter(response(503, "x-ms-retry-after-ms", "2500"), 1, clock))
                .isEqualTo(Duration.ofMillis(2500));
        assertThat(policy.delayAfter(response(503, "Retry-After", "Sat, 21 Nov 2026 10:00:30 GMT"), 1, clock))
                .isEqualTo(Duration.ofSeconds(30));
        // Milliseconds first, then Retry-After, then Datadog's window reset.
        assertThat(policy.delayAfter(
                        response(429, "x-ratelimit-reset", "20", "Retry-After", "7", "retry-after-ms", "3000"),
                        1,
                        clock))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "20", "Retry-After", "7"), 1, clock))
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aZeroOrPastHintIsRaisedToOneSecond() {
        assertThat(policy.delayAfter(response(503, "Retry-After", "0"), 2, clock))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(response(503, "x-ms-retry-after-ms", "250"), 1, clock))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(response(503, "Retry-After", "Sat, 21 Nov 2026 09:00:00 GMT"), 1, clock))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void unreadableHintsFallBackToBackoff() {
        assertThat(policy.delayAfter(response(503, "Retry-After", "soon"), 1, clock))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "-1"), 2, clock))
                .isEqualTo(Duration.ofSeconds(4));
        // x-ratelimit-reset counts only on a 429: Datadog sends it on every answer.
        assertThat(policy.delayAfter(response(503, "x-ratelimit-reset", "30"), 1, clock))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyWaitIsCapped() {
        assertThat(policy.delayAfter(response(503, "Retry-After", "86400"), 1, clock))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "3600"), 1, clock))
                .isEqualTo(Duration.ofSeconds(60));
    }
}
