package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.RunOptions;
import java.time.Duration;

/** Run options for tests that need no selection guard other than the default, and create nothing. */
public final class TestRunOptions {
    private TestRunOptions() {}

    /** @param executionTimeout null for no limit */
    public static RunOptions of(
            boolean dryRun,
            boolean waitForFinalState,
            Duration waitTimeout,
            Duration pollInterval,
            int parallelism,
            boolean failuresAsWarnings,
            Duration executionTimeout) {
        return new RunOptions(
                dryRun,
                waitForFinalState,
                waitTimeout,
                pollInterval,
                parallelism,
                failuresAsWarnings,
                executionTimeout,
                RunOptions.DEFAULT_MAX_DEPLOYMENTS,
                null);
    }
}
