package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.RunOutputs;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns a goal's outcome into its report file, its closing lines and the build's result.
 *
 * @param failuresAsWarnings {@code failOnError=false}: failed deployments let the build pass
 */
record BuildResult(FleetLog log, SecretMasker masker, boolean failuresAsWarnings) {

    void finish(RunReport report, Optional<Path> reportPath) throws MojoExecutionException, MojoFailureException {
        finish(report, new RunOutputs(reportPath, Optional.empty(), masker));
    }

    /** @param outputs the report and job summary, written here unless an abort already wrote them */
    void finish(RunReport report, RunOutputs outputs) throws MojoExecutionException, MojoFailureException {
        boolean written;
        try {
            written = outputs.finish(report, log);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not write the report file " + outputs.report().orElseThrow() + " (" + e.getMessage()
                            + "): check that its folder is writable, or set reportFile elsewhere.");
        }
        if (!written) {
            // An abort wrote them: the JVM runs on for a moment while it stops, and the build must not end in a
            // success of its own.
            throw new MojoFailureException("The build was stopped (SIGTERM or SIGINT) while the goal ran: the report"
                    + " and the job summary say which deployments were done, which outcomes are unknown and which"
                    + " were not attempted.");
        }
        log.info(report.summary());
        if (!report.hasFailures()) {
            return;
        }
        List<DeploymentOutcome.Failed> failures = report.failures();
        if (failuresAsWarnings) {
            log.warn("failOnError is false: the build goes on despite " + failures.size() + " failed deployment"
                    + (failures.size() == 1 ? "" : "s") + ".");
            return;
        }
        String message = failures.size() == 1 && report.outcomes().size() == 1
                ? failures.get(0).message()
                : report.summary()
                        + System.lineSeparator()
                        + failures.stream()
                                .map(DeploymentOutcome.Failed::message)
                                .collect(Collectors.joining(System.lineSeparator()));
        throw new MojoFailureException(masker.mask(message));
    }
}
