package dev.fleetdeploy.core;

import java.time.Duration;

/**
 * How the runner works through the deployments.
 *
 * @param dryRun print what would be sent, send nothing
 * @param waitForFinalState after the operation, poll until the deployment reaches a final state
 * @param waitTimeout how long to poll at most
 * @param pollInterval how long to wait between two polls
 * @param parallelism how many deployments to work on at once
 * @param failuresAsWarnings log failures as warnings ({@code failOnError=false})
 */
public record RunOptions(boolean dryRun, boolean waitForFinalState, Duration waitTimeout, Duration pollInterval,
        int parallelism, boolean failuresAsWarnings) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }
}
