package dev.fleetdeploy.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a deployment until it reaches a final state ({@code wait}): soon again while it changes, slower while it does
 * not, and never past the wait's own limit or the execution's deadline.
 */
final class FinalStateWait {
    /** The longest pause between two polls of a deployment that does not change. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(60);

    private final FleetLog log;
    private final RunOptions options;
    private final UserTerms terms;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Deadline deadline;

    FinalStateWait(FleetLog log, RunOptions options, UserTerms terms, Sleeper sleeper, Clock clock, Deadline deadline) {
        this.log = log;
        this.options = options;
        this.terms = terms;
        this.sleeper = sleeper;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** A status read: its summary, then each of its details on a line of its own. */
    static void logStatus(FleetLog log, FleetTarget target, DeploymentPart part, DeploymentStatus status) {
        log.info(target.name(part) + ": " + status.summary());
        for (String detail : status.details()) {
            log.info("  " + detail);
        }
    }

    /** Nothing changed: the next poll comes half as late again, up to {@link #MAX_POLL_INTERVAL}. */
    private static Duration slower(Duration interval) {
        Duration next = interval.plus(interval.dividedBy(2));
        return next.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : next;
    }

    /** Polls until the deployment reaches a final state; {@code known} is a status already read, or null. */
    DeploymentStatus await(FleetTarget target, DeploymentPart part, DeploymentStatus known)
            throws OperationFailure, InterruptedException {
        return await(target, part, known, null);
    }

    /**
     * As {@link #await(FleetTarget, DeploymentPart, DeploymentStatus)}, after a retry: a final-looking reading counts
     * only once the retry shows in one ({@link RetryStart}).
     *
     * @param retry where the retry started from, or null when the operation was no retry
     */
    DeploymentStatus await(FleetTarget target, DeploymentPart part, DeploymentStatus known, RetryStart retry)
            throws OperationFailure, InterruptedException {
        Instant waitEnds = clock.instant().plus(options.waitTimeout());
        boolean executionEndsFirst = deadline.at().isBefore(waitEnds);
        Instant until = executionEndsFirst ? deadline.at() : waitEnds;
        DeploymentStatus status = known;
        if (status == null) {
            status = target.provider().status(part);
            logStatus(log, target, part, status);
        }
        String shown = status.summary();
        Duration interval = options.pollInterval();
        boolean takenUp = retry == null;
        boolean toldWaiting = false;
        while (true) {
            takenUp = takenUp || retry.takenUpBy(status);
            if (status.terminal()) {
                if (takenUp) {
                    break;
                }
                if (retry.graceOver(clock.instant())) {
                    log.warn(target.name(part) + ": the retry shows no effect " + RetryStart.GRACE.toSeconds()
                            + " s after it was accepted (" + retry.stillShows(status)
                            + "): taking this reading as final.");
                    break;
                }
                if (!toldWaiting) {
                    log.info(target.name(part) + ": reads final, but shows nothing of the retry yet ("
                            + retry.stillShows(status) + "): waiting up to " + RetryStart.GRACE.toSeconds()
                            + " s for the service to take it up.");
                    toldWaiting = true;
                }
            }
            Duration remaining = Duration.between(clock.instant(), until);
            // A poll at the execution's deadline would be refused: stop now, with the state last seen.
            boolean noPollLeft = executionEndsFirst && remaining.compareTo(interval) <= 0;
            if (remaining.isNegative() || remaining.isZero() || noPollLeft) {
                String state = status.terminal()
                        ? "showing nothing of the retry (" + retry.stillShows(status) + ")"
                        : status.state() == null ? "without a final state" : "'" + status.state() + "'";
                throw executionEndsFirst
                        ? new Refusal(
                                "it was still " + state + " when " + deadline.describe(terms.executionTimeout())
                                        + " ran out",
                                "Check it again with " + terms.statusCheck() + ", or raise " + terms.executionTimeout()
                                        + ".")
                        : new Refusal(
                                "it was still " + state + " after waiting "
                                        + options.waitTimeout().toSeconds() + " s",
                                "Check it again with " + terms.statusCheck() + ", or raise " + terms.waitTimeout()
                                        + ".");
            }
            Duration pause = remaining.compareTo(interval) < 0 ? remaining : interval;
            log.debug(target.name(part) + ": not final yet; next check in " + pause.toSeconds() + " s");
            sleeper.sleep(pause);
            status = target.provider().status(part);
            if (!status.summary().equals(shown)) {
                logStatus(log, target, part, status);
                shown = status.summary();
                interval = options.pollInterval(); // Things are moving: look again soon.
            } else {
                interval = slower(interval);
            }
        }
        return status;
    }
}
