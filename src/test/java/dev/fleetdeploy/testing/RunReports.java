package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.RunReport;

/** What tests read of a run's report. */
public final class RunReports {
    private RunReports() {}

    /** The report's one failure; fails the test when it has none, or more than one. */
    public static DeploymentOutcome.Failed onlyFailure(RunReport report) {
        assertThat(report.failures()).as("failures").hasSize(1);
        return report.failures().get(0);
    }
}
