package dev.fleetdeploy.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one goal: one entry per deployment, in the order the user gave them (or a selection found them).
 *
 * @param selections what {@code select=active} found, target by target, before anything was done
 */
public record RunReport(
        Operation operation, boolean dryRun, List<DeploymentOutcome> outcomes, List<Selection> selections) {

    public RunReport {
        outcomes = List.copyOf(outcomes);
        selections = List.copyOf(selections);
    }

    /** A run of ids only. */
    public RunReport(Operation operation, boolean dryRun, List<DeploymentOutcome> outcomes) {
        this(operation, dryRun, outcomes, List.of());
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

    /** The closing line: "cancel: 2 of 3 deployments done; failed: xyz." */
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
        int done = total - failed.size();
        StringBuilder text = new StringBuilder(capitalize(operation.verb()))
                .append(": ")
                .append(done)
                .append(" of ")
                .append(plural(total, noun))
                .append(" done");
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
