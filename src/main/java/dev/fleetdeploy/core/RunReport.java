package dev.fleetdeploy.core;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one goal: one entry per deployment, in the order the user gave them. */
public record RunReport(Operation operation, boolean dryRun, List<DeploymentOutcome> outcomes) {

    public RunReport {
        outcomes = List.copyOf(outcomes);
    }

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
