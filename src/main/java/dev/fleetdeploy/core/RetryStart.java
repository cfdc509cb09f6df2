package dev.fleetdeploy.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a retry started from, so that a {@code wait} after it does not end on a reading taken before the service took
 * the retry up: a deployment just retried can still read "no device in progress, 3 failed", which looks final.
 *
 * <p>The rule (README, "Waiting"; docs/azure-device-update-api.md, "Waiting after a retry"): after a retry, a reading
 * counts as final only once one reading since the retry has shown progress: the deployment not final, or something in
 * progress, or fewer failed than before the retry, or another state than before. A deployment with nothing failed
 * before the retry has nothing to take up. A reading that shows none of that is taken as final only after
 * {@link #GRACE}, with a warning; and never past {@code waitTimeout} or the execution's deadline.
 *
 * @param before the status read just before the retry, or null when it could not be read
 * @param at when the retry was accepted
 */
public record RetryStart(DeploymentStatus before, Instant at) {
    /** How long a final-looking reading that shows nothing of the retry is not taken as final. */
    public static final Duration GRACE = Duration.ofSeconds(120);

    /** Whether {@code now}, read after the retry, shows the service took it up. */
    boolean takenUpBy(DeploymentStatus now) {
        if (!now.terminal() || now.busy() > 0) {
            return true;
        }
        if (before == null) {
            return false;
        }
        return before.failed() == 0 || now.failed() < before.failed() || !Objects.equals(now.state(), before.state());
    }

    /** Whether the grace for a retry that shows nothing is over at {@code now}. */
    boolean graceOver(Instant now) {
        return !now.isBefore(at.plus(GRACE));
    }

    /** What the reading shows, for the log: "nothing in progress, 3 failed as before the retry". */
    String stillShows(DeploymentStatus now) {
        return "nothing in progress, " + now.failed() + " failed" + (before == null ? "" : " as before the retry")
                + ", state '" + now.state() + "'";
    }
}
