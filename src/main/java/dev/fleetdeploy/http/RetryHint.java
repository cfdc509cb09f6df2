package dev.fleetdeploy.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long the server asked us to wait before trying again, from whichever header it used.
 *
 * <p>{@code x-ratelimit-reset} (Datadog: seconds until the rate-limit window resets) counts only on a 429: Datadog
 * sends it on every answer. {@code retry-after-ms}, {@code x-ms-retry-after-ms} and {@code Retry-After} (seconds or
 * an HTTP date) count on any answer; Azure sends {@code retry-after: 0} on every answer, which is no hint at all.
 */
final class RetryHint {
    private RetryHint() {}

    static Optional<Duration> from(ApiResponse response, Clock clock) {
        Optional<Duration> millis = response.header("retry-after-ms")
                .or(() -> response.header("x-ms-retry-after-ms"))
                .flatMap(RetryHint::number)
                .map(Duration::ofMillis);
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> retryAfter = response.header("Retry-After").flatMap(value -> retryAfter(value, clock));
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if (response.code() == 429) {
            return response.header("x-ratelimit-reset")
                    .flatMap(RetryHint::number)
                    .map(Duration::ofSeconds);
        }
        return Optional.empty();
    }

    private static Optional<Duration> retryAfter(String value, Clock clock) {
        Optional<Long> seconds = number(value);
        if (seconds.isPresent()) {
            return seconds.map(Duration::ofSeconds);
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed < 0 ? Optional.empty() : Optional.of(parsed);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
