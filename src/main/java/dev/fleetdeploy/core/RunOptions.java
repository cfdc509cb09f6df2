package dev.fleetdeploy.core;

import java.nio.file.Path;
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
 * @param maxDeployments with {@code select}, the most deployments a run acts on: more refuses the whole run
 * @param createdIdFile the file the ids of deployments the run creates are appended to, or null
 */
public record RunOptions(
        boolean dryRun,
        boolean waitForFinalState,
        Duration waitTimeout,
        Duration pollInterval,
        int parallelism,
        boolean failuresAsWarnings,
        Duration executionTimeout,
        int maxDeployments,
        Path createdIdFile) {

    /** {@code maxDeployments} when not set. */
    public static final int DEFAULT_MAX_DEPLOYMENTS = 10;

    /** What an execution gets for its requests, retries and pauses, on top of {@code waitTimeout} when it waits. */
    public static final Duration DEFAULT_EXECUTION_BUDGET = Duration.ofSeconds(300);

    /** The deadline of an execution starting now. */
    public Deadline deadline(java.time.Clock clock) {
        return executionTimeout == null ? Deadline.NONE : Deadline.after(executionTimeout, clock);
    }

    public RunOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        if (maxDeployments < 1) {
            throw new IllegalArgumentException("maxDeployments must be at least 1");
        }
    }
}
