package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.withRetries(3).withRandom(() -> 1.0);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

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

    /**
     * The wait after an answer (at the 1st or 2nd attempt) with these headers ("name=value; name=value"): a server's
     * hint wins over the backoff, milliseconds first, then Retry-After (seconds or a date), then Datadog's window reset
     * (only on a 429); a zero or past hint is raised to 1 s, an unreadable one falls back to the backoff, and every wait
     * is capped at 60 s.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "reset on a 429            | 429 | x-ratelimit-reset=12                                         | 1 | 12000",
                "Retry-After seconds       | 503 | Retry-After=3                                                | 1 | 3000",
                "retry-after-ms            | 503 | retry-after-ms=1500                                          | 1 | 1500",
                "x-ms-retry-after-ms       | 503 | x-ms-retry-after-ms=2500                                     | 1 | 2500",
                "Retry-After date          | 503 | Retry-After=Sat, 21 Nov 2026 10:00:30 GMT                    | 1 | 30000",
                "milliseconds first        | 429 | x-ratelimit-reset=20; Retry-After=7; retry-after-ms=3000     | 1 | 3000",
                "then Retry-After          | 429 | x-ratelimit-reset=20; Retry-After=7                          | 1 | 7000",
                "zero                      | 503 | Retry-After=0                                                | 2 | 1000",
                "under a second            | 503 | x-ms-retry-after-ms=250                                      | 1 | 1000",
                "a past date               | 503 | Retry-After=Sat, 21 Nov 2026 09:00:00 GMT                    | 1 | 1000",
                "unreadable                | 503 | Retry-After=soon                                             | 1 | 2000",
                "negative reset            | 429 | x-ratelimit-reset=-1                                         | 2 | 4000",
                "reset on a 503 (Datadog sends it on every answer) | 503 | x-ratelimit-reset=30           | 1 | 2000",
                "a day                     | 503 | Retry-After=86400                                            | 1 | 60000",
                "an hour's reset           | 429 | x-ratelimit-reset=3600                                       | 1 | 60000",
            })
    void theWaitAfterAnAnswerFollowsItsHints(String why, int code, String headers, int attempt, long millis) {
        Headers.Builder builder = new Headers.Builder();
        for (String header : headers.split("; ")) {
            builder.add(header.substring(0, header.indexOf('=')), header.substring(header.indexOf('=') + 1));
        }
        ApiResponse response = new ApiResponse(code, "", builder.build(), "", "");

        assertThat(policy.delayAfter(response, attempt, clock)).isEqualTo(Duration.ofMillis(millis));
    }
}
