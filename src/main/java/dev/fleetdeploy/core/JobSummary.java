package dev.fleetdeploy.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome as a Markdown table in a GitHub Actions job summary: when {@code GITHUB_STEP_SUMMARY} names a file (the
 * runner sets it for every step), one row per deployment is appended to it, at the end of the run or when the build
 * is stopped (a CI abort). Nothing is written when the variable is not set.
 *
 * <p>Every cell is cleaned as network text ({@link WireText}) and escaped for Markdown ({@code |}, backticks, HTML),
 * so that no server's words can break the table or add markup to the page; secrets are masked.
 */
public final class JobSummary {
    /** The variable GitHub Actions names the step's summary file in. */
    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private JobSummary() {}

    /** The summary file, when the environment names one. */
    public static Optional<Path> file(Environment env) {
        return env.get(VARIABLE).map(String::strip).map(Path::of);
    }

    /** Appends the report's table to {@code file}, whole or not at all ({@link AtomicFile#append}). */
    public static void append(RunReport report, Path file, SecretMasker masker) throws IOException {
        AtomicFile.append(file, masker.mask(markdown(report)));
    }

    static String markdown(RunReport report) {
        StringBuilder out = new StringBuilder()
                .append("### fleet:")
                .append(report.operation().goal())
                .append(report.dryRun() ? " (dry run)" : "")
                .append("\n\n")
                .append(escape(report.summary()))
                .append("\n\n")
                .append("| deployment | target | operation | result | state | counts | created deployment |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (DeploymentOutcome outcome : report.outcomes()) {
            out.append("| ")
                    .append(cell(outcome.part().toString()))
                    .append(" | ")
                    .append(cell(target(outcome.target())))
                    .append(" | ")
                    .append(report.operation().verb())
                    .append(" | ")
                    .append(cell(result(outcome)))
                    .append(" | ")
                    .append(cell(state(outcome)))
                    .append(" | ")
                    .append(cell(counts(outcome)))
                    .append(" | ")
                    .append(cell(created(outcome)))
                    .append(" |\n");
        }
        return out.append('\n').toString();
    }

    /** The target's name when it has one, else its provider and place. */
    private static String target(FleetTarget target) {
        return target.targetName().isTopLevel()
                ? target.provider().kind().displayName() + ", "
                        + target.provider().place()
                : target.targetName().name();
    }

    private static String result(DeploymentOutcome outcome) {
        if (outcome instanceof DeploymentOutcome.Failed failed) {
            return "failed: " + failed.problem();
        }
        if (outcome instanceof DeploymentOutcome.Interrupted stopped) {
            return switch (stopped.stage()) {
                case NOT_ATTEMPTED -> "not attempted (build stopped)";
                case UNKNOWN -> "outcome unknown (build stopped)";
                case WAITING -> "succeeded (build stopped while waiting)";
            };
        }
        return outcome instanceof DeploymentOutcome.Planned ? "planned" : "succeeded";
    }

    private static String state(DeploymentOutcome outcome) {
        if (outcome instanceof DeploymentOutcome.Succeeded done) {
            if (done.status() != null && done.status().state() != null) {
                return done.status().state();
            }
            return done.action() == null ? null : done.action().state();
        }
        if (outcome instanceof DeploymentOutcome.Interrupted stopped && stopped.action() != null) {
            return stopped.action().state();
        }
        return null;
    }

    /** "42 hosts: 12 succeeded, 0 failed, 30 canceled", from the last status read. */
    private static String counts(DeploymentOutcome outcome) {
        if (!(outcome instanceof DeploymentOutcome.Succeeded done) || done.status() == null) {
            return null;
        }
        DeploymentStatus status = done.status();
        String counts = status.counts().entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey())
                .collect(Collectors.joining(", "));
        return status.total() == null ? counts : status.total() + " " + status.unit() + ": " + counts;
    }

    private static String created(DeploymentOutcome outcome) {
        return outcome instanceof DeploymentOutcome.Succeeded done && done.action() != null
                ? done.action().createdDeploymentId()
                : null;
    }

    /** A table cell: one clean line, escaped for Markdown; empty for none. */
    static String cell(String text) {
        return text == null ? "" : escape(WireText.clean(text));
    }

    /**
     * Markdown's active characters made plain: a backslash and a pipe (which would end the cell) escaped, backticks
     * escaped, and {@code &}, {@code <}, {@code >} as entities, so that no text becomes code, a column or HTML.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '`' -> out.append("\\`");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
