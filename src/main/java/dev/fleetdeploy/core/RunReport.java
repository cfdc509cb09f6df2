package dev.fleetdeploy.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one goal: one entry per deployment, in the order the user gave them (or a selection found them).
 *
 * @param selections what {@code select=active} found, target by target, before anything was done
 * @param stopped whether the build was stopped (a CI abort) before every outcome was known: the entries then include
 *     {@link DeploymentOutcome.Interrupted} ones
 */
public record RunReport(
        Operation operation,
        boolean dryRun,
        List<DeploymentOutcome> outcomes,
        List<Selection> selections,
        boolean stopped) {

    public RunReport {
        outcomes = List.copyOf(outcomes);
        selections = List.copyOf(selections);
    }

    /** The report of a run of ids only, that ended. */
    public RunReport(Operation operation, boolean dryRun, List<DeploymentOutcome> outcomes) {
        this(operation, dryRun, outcomes, List.of(), false);
    }

    /**
     * What {@code select=active} found for one target.
     *
     * @param found the selection, or null when it could not be read (the target's outcome says why)
     */
    public record Selection(FleetTarget target, ActiveSelection found) {}

    public List<DeploymentOutcome.Failed> failures() {
        return outcomes.stream()
                .filter(DeploymentOutcome.Failed.class::isInstance)
                .map(DeploymentOutcome.Failed.class::cast)
                .toList();
    }

    public boolean hasFailures() {
        return !failures().isEmpty();
    }

    /** The entries a stopped run left at this stage. */
    public List<DeploymentOutcome.Interrupted> interrupted(DeploymentOutcome.Interrupted.Stage stage) {
        return outcomes.stream()
                .filter(DeploymentOutcome.Interrupted.class::isInstance)
                .map(DeploymentOutcome.Interrupted.class::cast)
                .filter(outcome -> outcome.stage() == stage)
                .toList();
    }

    /**
     * The closing line: "Cancel: 2 of 3 deployments done; failed: xyz."; for a stopped run, "Cancel stopped by the
     * build's abort: 2 of 50 deployments done, 4 with their outcome unknown, 44 not attempted."
     */
    public String summary() {
        int total = outcomes.size();
        if (dryRun) {
            return "Dry run: " + operation.verb() + " of " + plural(total, "deployment")
                    + " planned; nothing was sent.";
        }
        // An ADU deployment canceled a subgroup at a time has one outcome per subgroup.
        String noun =
                !outcomes.isEmpty() && outcomes.stream().noneMatch(o -> o.part().isWhole())
                        ? "subgroup deployment"
                        : "deployment";
        List<DeploymentOutcome.Failed> failed = failures();
        int unknown = interrupted(DeploymentOutcome.Interrupted.Stage.UNKNOWN).size();
        int notAttempted =
                interrupted(DeploymentOutcome.Interrupted.Stage.NOT_ATTEMPTED).size();
        int done = total - failed.size() - unknown - notAttempted;
        StringBuilder text = new StringBuilder(capitalize(operation.verb()))
                .append(stopped ? " stopped by the build's abort: " : ": ")
                .append(done)
                .append(" of ")
                .append(plural(total, noun))
                .append(" done");
        if (stopped) {
            text.append(", ")
                    .append(unknown)
                    .append(" with their outcome unknown, ")
                    .append(notAttempted)
                    .append(" not attempted");
        }
        if (!failed.isEmpty()) {
            text.append("; failed: ")
                    .append(failed.stream()
                            .map(f -> (f.target().label() == null
                                            ? ""
                                            : f.target().label() + ":")
                                    + f.part())
                            .collect(Collectors.joining(", ")));
        }
        return text.append('.').toString();
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
