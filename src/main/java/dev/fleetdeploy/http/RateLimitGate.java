package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Shared by every request of one transport: holds the number of requests in flight to a limit, and when the API
 * answers 429, halves that limit and holds every request until the API's window resets. Each answer that is not a
 * 429 raises the limit by one again, up to {@code parallelism}.
 *
 * <p>Datadog's {@code x-ratelimit-reset} counts whole seconds, so one answer's "1" may mean anything up to a second.
 * Every answer of a window bounds when it ends (no later than the answer's arrival plus its reset), and the gate
 * holds requests only until the earliest of those bounds, not a whole rounded-up second after the last answer.
 */
final class RateLimitGate {
    /** Requests left in the API's window at which we slow down. */
    static final long NEARLY_USED_UP = 2;

    private final int ceiling;
    private final FleetLog log;
    private final Sleeper sleeper;
    private final Clock clock;
    private int limit;
    private int inFlight;
    private Instant resumeAt = Instant.MIN;
    /** When the API's current rate-limit window ends at the latest, from its answers' resets; null when unknown. */
    private Instant windowEndsBy;
    /** Answers to requests sent before this may count in an earlier window: they say nothing of the current one. */
    private Instant windowSeenSince = Instant.MIN;

    RateLimitGate(int ceiling, FleetLog log, Sleeper sleeper, Clock clock) {
        this.ceiling = ceiling;
        this.limit = ceiling;
        this.log = log;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** One request let through the gate, to be released once, when it is over. */
    final class Permit {
        /** When it was let through: its answer tells of the window it was counted in. */
        private final Instant sentAt;

        private Permit(Instant sentAt) {
            this.sentAt = sentAt;
        }

        /** @param rateLimitPause how long the API asked everyone to hold off (after a 429), else null */
        void release(Duration rateLimitPause) {
            RateLimitGate.this.release(rateLimitPause);
        }

        /** As {@link #release(Duration)}, after an answer, which may tell of the API's window. */
        void release(Duration rateLimitPause, ApiResponse answer) {
            RateLimitGate.this.release(sentAt, rateLimitPause, answer);
        }
    }

    /** @return empty, holding nothing, when the API's pause would last past the deadline */
    Optional<Permit> acquire(Deadline deadline) throws InterruptedException {
        while (true) {
            Duration pause;
            synchronized (this) {
                Instant now = clock.instant();
                // Compared, not measured: Duration.between(now, Instant.MIN) overflows, and recovering from that
                // threw and caught an ArithmeticException on every request.
                if (!resumeAt.isAfter(now)) {
                    if (inFlight < limit) {
                        inFlight++;
                        return Optional.of(new Permit(now));
                    }
                    if (deadline.passed(clock)) {
                        return Optional.empty();
                    }
                    // Woken by every release; a bounded wait so that the deadline is seen even if none comes.
                    wait(Math.max(1, Math.min(1000, deadline.remaining(clock).toMillis())));
                    continue;
                }
                pause = Duration.between(now, resumeAt);
            }
            if (!deadline.allows(pause, clock)) {
                return Optional.empty();
            }
            sleeper.sleep(pause);
        }
    }

    Permit acquire() throws InterruptedException {
        return acquire(Deadline.NONE).orElseThrow();
    }

    /**
     * As {@link Permit#release(Duration)}, after an answer. An answer that is not a 429 but says the API's window is nearly
     * used up ({@code x-ratelimit-remaining}, Datadog) slows down too: at 2 or fewer left the limit halves, and at 0
     * every request holds until the window resets ({@code x-ratelimit-reset}), rather than earning a 429.
     */
    private synchronized void release(Instant sentAt, Duration rateLimitPause, ApiResponse answer) {
        OptionalLong reset = number(answer.header("x-ratelimit-reset").orElse(null));
        observeWindow(sentAt, reset);
        if (rateLimitPause == null && answer.successful()) {
            OptionalLong remaining =
                    number(answer.header("x-ratelimit-remaining").orElse(null));
            if (remaining.isPresent() && remaining.getAsLong() <= NEARLY_USED_UP) {
                Duration pause = remaining.getAsLong() == 0 && reset.isPresent()
                        ? untilWindowEnds(Duration.ofSeconds(
                                Math.min(reset.getAsLong(), RetryPolicy.DEFAULT_MAX_DELAY.toSeconds())))
                        : Duration.ZERO;
                release(pause);
                return;
            }
        }
        if (rateLimitPause != null && answer.code() == 429 && reset.isPresent() && !hasRetryAfter(answer)) {
            // The pause came from x-ratelimit-reset: the others need wait only until the window ends.
            rateLimitPause = untilWindowEnds(rateLimitPause);
        }
        release(rateLimitPause);
    }

    private static boolean hasRetryAfter(ApiResponse answer) {
        return answer.header("retry-after-ms").isPresent()
                || answer.header("x-ms-retry-after-ms").isPresent()
                || answer.header("Retry-After").isPresent();
    }

    /** Narrows when the window ends at the latest, from the {@code x-ratelimit-reset} of an answer to {@code sent}. */
    private void observeWindow(Instant sent, OptionalLong reset) {
        if (reset.isEmpty() || reset.getAsLong() < 0) {
            return;
        }
        Instant now = clock.instant();
        if (windowEndsBy != null && !now.isBefore(windowEndsBy)) {
            // That window is over: only requests sent since surely count in the next one.
            windowSeenSince = windowEndsBy;
            windowEndsBy = null;
        }
        if (sent.isBefore(windowSeenSince)) {
            return;
        }
        // The API counted the request before it answered, so its window ends by now + reset.
        Instant endsBy = now.plusSeconds(Math.min(reset.getAsLong(), RetryPolicy.DEFAULT_MAX_DELAY.toSeconds()));
        if (windowEndsBy == null || endsBy.isBefore(windowEndsBy)) {
            windowEndsBy = endsBy;
        }
    }

    /** Until the window ends at the latest, when known and sooner than {@code pause}; else {@code pause}. */
    private Duration untilWindowEnds(Duration pause) {
        if (windowEndsBy == null) {
            return pause;
        }
        Duration left = Duration.between(clock.instant(), windowEndsBy);
        return left.isNegative() ? Duration.ZERO : left.compareTo(pause) < 0 ? left : pause;
    }

    private static OptionalLong number(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private synchronized void release(Duration rateLimitPause) {
        inFlight--;
        if (rateLimitPause != null) {
            int before = limit;
            limit = Math.max(1, limit / 2);
            Instant until = clock.instant().plus(rateLimitPause);
            if (until.isAfter(resumeAt)) {
                resumeAt = until;
            }
            if (limit < before) {
                log.info("The API signalled its rate limit: working on at most " + limit + " deployment"
                        + (limit == 1 ? "" : "s") + " at once for now"
                        + (rateLimitPause.isZero() ? "" : ", after a pause of " + Seconds.of(rateLimitPause)) + ".");
            }
        } else if (limit < ceiling) {
            limit++;
        }
        notifyAll();
    }

    synchronized int limit() {
        return limit;
    }
}
