package dev.fleetdeploy.core;

import java.util.Map;

/**
 * Turns what went wrong with a deployment into its failed outcome and its log line: the whole sentence, with what
 * failed, why, what to check, and what the service's support would ask for.
 *
 * @param asWarnings log failures as warnings ({@code failOnError=false})
 */
record Failures(FleetLog log, boolean asWarnings, UserTerms terms) {

    /** "Datadog cancel of deployment 'abc' failed: ", with the target's label when there are several. */
    static String lead(Operation operation, FleetTarget target, DeploymentPart part) {
        return target.targetName().prefix() + target.provider().kind().displayName() + " " + operation.verb() + " of "
                + part.describe() + " failed: ";
    }

    DeploymentOutcome.Failed of(FleetTarget target, DeploymentPart part, String lead, OperationFailure failure) {
        return of(target, part, lead, failure.httpStatus(), failure.detail(), failure.hint(), failure.supportIds());
    }

    DeploymentOutcome.Failed of(
            FleetTarget target, DeploymentPart part, String lead, Integer httpStatus, String problem, String hint) {
        return of(target, part, lead, httpStatus, problem, hint, Map.of());
    }

    /** A failure of the plugin itself: worth its report, with the log of a debug run. */
    DeploymentOutcome.Failed bug(String lead, FleetTarget target, DeploymentPart part, RuntimeException bug) {
        return of(
                target,
                part,
                lead,
                null,
                // A library's words may quote an answer.
                "unexpected error: " + WireText.clean(bug.toString()),
                "This is a bug in the plugin; please report it with " + terms.bugReportLog() + ".");
    }

    private DeploymentOutcome.Failed of(
            FleetTarget target,
            DeploymentPart part,
            String lead,
            Integer httpStatus,
            String problem,
            String hint,
            Map<String, String> supportIds) {
        String message = lead
                + problem
                + (endsSentence(problem) ? " " : ". ")
                + hint
                + (supportIds.isEmpty()
                        ? ""
                        : (endsSentence(hint) ? " " : ". ") + "Support ids: " + OperationFailure.describe(supportIds)
                                + ".");
        if (asWarnings) {
            log.warn(message);
        } else {
            log.error(message);
        }
        return new DeploymentOutcome.Failed(
                target, part, httpStatus, problem, hint, message, 0, java.time.Duration.ZERO, supportIds);
    }

    /** Whether the text already ends a sentence, as an API's own error text often does. */
    private static boolean endsSentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    }
}
