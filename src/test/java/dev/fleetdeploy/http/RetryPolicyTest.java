package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.withRetries(3);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private static ApiResponse response(int code, String... headers) {
        return new ApiResponse(code, "", Headers.of(headers), "", "");
    }

    @Test
    void retriesTransientStatusesOnly() {
        assertThat(policy.retryableStatus(408)).isTrue();
        assertThat(policy.retryableStatus(429)).isTrue();
        assertThat(policy.retryableStatus(500)).isTrue();
        assertThat(policy.retryableStatus(503)).isTrue();
        assertThat(policy.retryableStatus(599)).isTrue();
        assertThat(policy.retryableStatus(501)).isFalse();
        assertThat(policy.retryableStatus(505)).isFalse();
        assertThat(policy.retryableStatus(400)).isFalse();
        assertThat(policy.retryableStatus(404)).isFalse();
        assertThat(policy.retryableStatus(301)).isFalse();
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
    void serverHintsWinOverBackoff() {
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "12"), 1, clock)).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.delayAfter(response(503, "Retry-After", "3"), 1, clock)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(response(503, "retry-after-ms", "1500"), 1, clock)).isEqualTo(Duration.ofMillis(1500));
        assertThat(policy.delayAfter(response(503, "x-ms-retry-after-ms", "250"), 1, clock)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delayAfter(response(503, "Retry-After", "Sat, 21 Nov 2026 10:00:30 GMT"), 1, clock))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void uselessHintsFallBackToBackoff() {
        assertThat(policy.delayAfter(response(503, "Retry-After", "0"), 2, clock)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(response(503, "Retry-After", "soon"), 1, clock)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(response(503, "Retry-After", "Sat, 21 Nov 2026 09:00:00 GMT"), 1, clock))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(response(429, "x-ratelimit-reset", "-1"), 1, clock)).isEqualTo(Duration.ofSeconds(2));
    }
}
