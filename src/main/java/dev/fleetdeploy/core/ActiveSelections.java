package dev.fleetdeploy.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads what {@code select=active} finds for every target that selects, before anything is done, logs it, and guards
 * it with {@code maxDeployments}: a run that would act on more than that acts on none.
 */
final class ActiveSelections {
    private final FleetLog log;
    private final RunOptions options;
    private final UserTerms terms;
    private final Failures failures;
    private final List<RunReport.Selection> selections = new ArrayList<>();
    /** The outcomes of selections that could not be read. */
    private final List<DeploymentOutcome> unread = new ArrayList<>();

    ActiveSelections(FleetLog log, RunOptions options, UserTerms terms, Failures failures) {
        this.log = log;
        this.options = options;
        this.terms = terms;
        this.failures = failures;
    }

    /** Reads the selection of every target that selects. */
    ActiveSelections read(Operation operation, List<FleetTarget> targets) {
        for (FleetTarget target : targets) {
            if (target.selectsActive()) {
                selections.add(select(operation, target));
            }
        }
        return this;
    }

    List<RunReport.Selection> selections() {
        return List.copyOf(selections);
    }

    List<DeploymentOutcome> unread() {
        return List.copyOf(unread);
    }

    /** How many deployments the selections found, over the whole run. */
    int selected() {
        return selections.stream()
                .filter(s -> s.found() != null)
                .mapToInt(s -> s.found().ids().size())
                .sum();
    }

    /** What the target's selection found: null when it does not select, or the selection could not be read. */
    ActiveSelection of(FleetTarget target) {
        return selections.stream()
                .filter(s -> s.target() == target)
                .findFirst()
                .map(RunReport.Selection::found)
                .orElse(null);
    }

    /** What a selection found to act on in one of its deployments. */
    static List<DeploymentPart> partsOf(ActiveSelection found, DeploymentId id) {
        return found.matches().stream()
                .map(ActiveSelection.Match::part)
                .filter(part -> part.id().equals(id))
                .toList();
    }

    /** What a target's selection finds, logged before anything is done; a failure to read it is its outcome. */
    private RunReport.Selection select(Operation operation, FleetTarget target) {
        String prefix =
                (options.dryRun() ? "[dry run] " : "") + target.targetName().prefix();
        String provider = target.provider().kind().displayName();
        DeploymentPart selection = DeploymentPart.whole(new DeploymentId(terms.selectActive()));
        ActiveSelection found;
        try {
            found = target.provider().selectActive(operation);
        } catch (OperationFailure failure) {
            String lead = target.targetName().prefix() + provider + " " + terms.selectActive() + " on "
                    + target.provider().location() + " failed, and nothing was " + operation.done() + ": ";
            unread.add(failures.of(target, selection, lead, failure).measured(failure.attempts(), Duration.ZERO));
            return new RunReport.Selection(target, null);
        }
        int count = found.ids().size();
        if (count == 0) {
            log.info(prefix + "No active " + provider + " deployment on "
                    + target.provider().location() + " matches " + found.narrowing() + ": nothing to "
                    + operation.verb() + ".");
        } else {
            log.info(prefix + RunReport.plural(count, "active " + provider + " deployment")
                    + (count == 1 ? " matches " : " match ") + found.narrowing() + ": "
                    + found.matches().stream()
                            .map(m -> m.part() + " (" + m.description() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return new RunReport.Selection(target, found);
    }

    /** More selected than {@code maxDeployments}: the run acts on none of them, and each says why. */
    List<DeploymentOutcome> tooMany(Operation operation) {
        int selected = selected();
        String problem = "not " + operation.done() + ": " + terms.selectActive() + " matched " + selected
                + " deployments, more than " + terms.maxDeployments() + " (" + options.maxDeployments()
                + "), so the run acts on none of them";
        String hint = "Narrow the selection, or raise " + terms.maxDeployments() + " if all of them are meant.";
        log.error((options.dryRun() ? "[dry run] " : "") + terms.selectActive() + " matched " + selected
                + " deployments, more than " + terms.maxDeployments() + " (" + options.maxDeployments()
                + "): nothing was done.");
        List<DeploymentOutcome> outcomes = new ArrayList<>();
        for (RunReport.Selection selection : selections) {
            if (selection.found() == null) {
                continue;
            }
            FleetTarget target = selection.target();
            for (DeploymentId id : selection.found().ids()) {
                DeploymentPart whole = DeploymentPart.whole(id);
                outcomes.add(new DeploymentOutcome.Failed(
                        target,
                        whole,
                        null,
                        problem,
                        hint,
                        Failures.lead(operation, target, whole) + problem + ". " + hint));
            }
        }
        return outcomes;
    }
}
