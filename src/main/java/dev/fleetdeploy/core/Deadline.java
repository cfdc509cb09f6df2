package dev.fleetdeploy.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment a whole execution must be over by, shared by the runner and the transport so
 * that no retry, rate-limit pause or wait can carry an abort hook past it.
 *
 * @param at the moment, or {@link Instant#MAX} for none
 * @param budget how long the execution was given, for messages
 */
public record Deadline(Instant at, Duration budget) {
    public static final Deadline NONE = new Deadline(Instant.MAX, null);

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), budget);
    }

    /** How long is left; zero once passed, and a very long time when there is no deadline. */
    public Duration remaining(Clock clock) {
        if (budget == null) {
            return Duration.ofDays(365);
        }
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed(Clock clock) {
        return budget != null && !clock.instant().isBefore(at);
    }

    /** Whether a pause of {@code pause} from now still ends before the deadline. */
    public boolean allows(Duration pause, Clock clock) {
        return budget == null || clock.instant().plus(pause).isBefore(at);
    }

    /** "executionTimeout (300 s)", for {@code name} "executionTimeout": the user's name for it, and its budget. */
    public String describe(String name) {
        return name + " (" + (budget == null ? "none" : budget.toSeconds() + " s") + ")";
    }
}
