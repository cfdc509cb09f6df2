package dev.fleetdeploy.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a run leaves for the pipeline: the report ({@code reportFile}) and the GitHub Actions job summary. They are
 * written once: at the end of the run, or, when the build is stopped halfway (a CI abort: SIGTERM, SIGINT), with what
 * is known at that moment ({@link #abort}). Either way each file is written whole or not at all ({@link AtomicFile}),
 * so that a second signal or a kill leaves no half-written file.
 *
 */
public final class RunOutputs {
    private final Optional<Path> report;
    private final Optional<Path> summary;
    private final SecretMasker masker;
    private boolean written;

    /**
     * @param report where the report goes, when there is one
     * @param summary the job summary file, when the environment names one ({@link JobSummary#file})
     */
    public RunOutputs(Optional<Path> report, Optional<Path> summary, SecretMasker masker) {
        this.report = report;
        this.summary = summary;
        this.masker = masker;
    }

    /** Where the report goes, when there is one. */
    public Optional<Path> report() {
        return report;
    }

    /** True the first time only: the end of the run and an abort write the files once between them. */
    private boolean claim() {
        if (written) {
            return false;
        }
        written = true;
        return true;
    }

    /**
     * Writes the run's report and appends its job summary, unless an abort already wrote them. A summary that cannot
     * be written is a warning: the outcome stands.
     *
     * @return false when an abort wrote them: the build is being stopped, and this run's end is not its outcome
     * @throws IOException when the report cannot be written
     */
    public synchronized boolean finish(RunReport outcome, FleetLog log) throws IOException {
        if (!claim()) {
            return false;
        }
        write(outcome, log);
        return true;
    }

    /**
     * The build is being stopped: logs one line for each request on its way (its outcome is unknown), writes the report
     * and the job summary with what is known ({@link RunProgress#snapshot}), and closes with the run's line. Quick, so
     * that the build still ends within moments of the signal; never throws.
     */
    public synchronized void abort(RunProgress progress, FleetLog log) {
        if (!claim()) {
            return;
        }
        try {
            for (InFlightRequest request : progress.inFlight()) {
                log.warn("Stopped while " + request.describe() + " was on its way: its outcome is unknown.");
            }
            RunReport snapshot = progress.snapshot();
            try {
                write(snapshot, log);
            } catch (IOException e) {
                log.error("Could not write the report file " + report.orElseThrow() + " (" + e.getMessage() + ").");
            }
            log.warn(snapshot.summary());
        } catch (RuntimeException bug) {
            log.error("The report of the stopped build could not be made: " + bug);
        }
    }

    private void write(RunReport outcome, FleetLog log) throws IOException {
        if (report.isPresent()) {
            ReportWriter.write(outcome, report.get(), masker);
            log.info("Report: " + report.get());
        }
        if (summary.isPresent()) {
            try {
                JobSummary.append(outcome, summary.get(), masker);
            } catch (IOException e) {
                log.warn("Could not append to the job summary " + summary.get() + " (" + e.getMessage() + ").");
            }
        }
    }
}
