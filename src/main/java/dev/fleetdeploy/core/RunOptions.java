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
 * @param executionTimeout how long the whole execution may take, waits included; null for no limit
 */
public record RunOptions(
        boolean dryRun,
        boolean waitForFinalState,
        Duration waitTimeout,
        Duration pollInterval,
        int parallelism,
        boolean failuresAsWarnings,
        Duration executionTimeout) {

    /** What an execution gets for its requests, retries and pauses, on top of {@code waitTimeout} when it waits. */
    public static final Duration DEFAULT_EXECUTION_BUDGET = Duration.ofSeconds(300);

    public RunOptions(
            boolean dryRun,
            boolean waitForFinalState,
            Duration waitTimeout,
            Duration pollInterval,
            int parallelism,
            boolean failuresAsWarnings) {
        this(dryRun, waitForFinalState, waitTimeout, pollInterval, parallelism, failuresAsWarnings, null);
    }

    /** The deadline of an execution starting now. */
    public Deadline deadline(java.time.Clock clock) {
        return executionTimeout == null ? Deadline.NONE : Deadline.after(executionTimeout, clock);
    }

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }
}
