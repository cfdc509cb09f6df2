package dev.fleetdeploy.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, deployment by deployment, readable at any moment from another thread: what a CI abort (SIGTERM,
 * SIGINT) finds when the build is stopped halfway. The runner records each step ({@link DeploymentRunner}); the
 * transport says which requests are on their way ({@link #watch}); {@link #snapshot} turns both into a report: the
 * outcomes known, the deployments worked on when it stopped (their outcome unknown: a request may have reached the
 * service), and those whose turn had not come (nothing sent).
 *
 * <p>Every method is synchronized: the workers write, the abort reads, and a snapshot is of one moment. The JVM
 * runs on for a moment while it stops; so a snapshot also stops the run: no worker takes up another deployment, or
 * another part of one, after it, and "not attempted" stays true.
 */
public final class RunProgress {
    private final UserTerms terms;
    private final List<Item> items = new ArrayList<>();
    private Operation operation = Operation.STATUS;
    private boolean dryRun;
    private volatile RequestsInFlight inFlight = RequestsInFlight.NONE;
    private boolean stopped;
    private List<RunReport.Selection> selections = List.of();

    /** Where one deployment of the run stands. */
    private static final class Item {
        final FleetTarget target;
        final DeploymentId id;
        Thread worker;
        List<DeploymentPart> parts;
        DeploymentPart current;
        ActionResult action;
        boolean finished;
        final List<DeploymentOutcome> outcomes = new ArrayList<>();

        Item(FleetTarget target, DeploymentId id) {
            this.target = target;
            this.id = id;
        }
    }

    /** @param terms the front end's words for the status check an unknown outcome calls for */
    public RunProgress(UserTerms terms) {
        this.terms = terms;
    }

    /** The requests on their way, as the execution's transport knows them. */
    public void watch(RequestsInFlight requests) {
        this.inFlight = requests;
    }

    /** The run begins, and what {@code select=active} found before it, if anything. */
    synchronized void begin(Operation operation, boolean dryRun, List<RunReport.Selection> selections) {
        this.operation = operation;
        this.dryRun = dryRun;
        this.selections = List.copyOf(selections);
    }

    /** One more deployment to work on, in order; returns its number. */
    synchronized int add(FleetTarget target, DeploymentId id) {
        items.add(new Item(target, id));
        return items.size() - 1;
    }

    /** A worker takes up deployment {@code item}; false when the run was stopped: it must send nothing for it. */
    synchronized boolean started(int item) {
        if (stopped) {
            return false;
        }
        items.get(item).worker = Thread.currentThread();
        return true;
    }

    /** What the operation acts on for it, once known. */
    synchronized void parts(int item, List<DeploymentPart> parts) {
        items.get(item).parts = List.copyOf(parts);
    }

    /** The operation on one part begins; false when the run was stopped: it must send nothing for that part. */
    synchronized boolean working(int item, DeploymentPart part) {
        if (stopped) {
            return false;
        }
        Item it = items.get(item);
        it.current = part;
        it.action = null;
        return true;
    }

    /** What a worker records for a deployment, or a part of one, it did not take up because the run was stopped. */
    synchronized DeploymentOutcome skipped(int item, DeploymentPart part) {
        return notAttempted(items.get(item), part);
    }

    /** The operation on the current part was done; what follows is the wait for its final state. */
    synchronized void acted(int item, ActionResult action) {
        items.get(item).action = action;
    }

    /** One part's outcome. */
    synchronized void done(int item, DeploymentOutcome outcome) {
        Item it = items.get(item);
        it.outcomes.add(outcome);
        it.current = null;
        it.action = null;
    }

    /** The deployment is finished with: these are its outcomes, one per part. */
    synchronized void finished(int item, List<DeploymentOutcome> outcomes) {
        Item it = items.get(item);
        it.outcomes.clear();
        it.outcomes.addAll(outcomes);
        it.finished = true;
        it.current = null;
    }

    /** The requests on their way now. */
    public List<InFlightRequest> inFlight() {
        return inFlight.now();
    }

    /**
     * The report as the run stands now, every deployment in it: known outcomes, unknown ones, those not attempted; and
     * the run stops: nothing more is taken up.
     */
    public synchronized RunReport snapshot() {
        stopped = true;
        List<InFlightRequest> requests = inFlight();
        List<DeploymentOutcome> outcomes = new ArrayList<>();
        for (Item item : items) {
            if (item.finished) {
                outcomes.addAll(item.outcomes);
                continue;
            }
            if (item.worker == null) {
                outcomes.add(notAttempted(item, DeploymentPart.whole(item.id)));
                continue;
            }
            outcomes.addAll(item.outcomes);
            int done = item.outcomes.size();
            if (item.parts != null && done >= item.parts.size()) {
                continue; // Every part has its outcome; only the bookkeeping was left.
            }
            DeploymentPart current = item.current != null
                    ? item.current
                    : item.parts == null ? DeploymentPart.whole(item.id) : item.parts.get(done);
            outcomes.add(item.action != null ? waiting(item, current) : unknown(item, current, requests));
            if (item.parts != null) {
                for (DeploymentPart part : item.parts.subList(done + 1, item.parts.size())) {
                    outcomes.add(notAttempted(item, part));
                }
            }
        }
        return new RunReport(operation, dryRun, outcomes, selections, true);
    }

    private DeploymentOutcome notAttempted(Item item, DeploymentPart part) {
        return new DeploymentOutcome.Interrupted(
                item.target,
                part,
                DeploymentOutcome.Interrupted.Stage.NOT_ATTEMPTED,
                null,
                "not attempted: the build was stopped before its turn came; nothing was sent for it.");
    }

    private DeploymentOutcome waiting(Item item, DeploymentPart part) {
        return new DeploymentOutcome.Interrupted(
                item.target,
                part,
                DeploymentOutcome.Interrupted.Stage.WAITING,
                item.action,
                operation.verb() + " requested (" + item.action.summary() + "); the build was stopped while waiting"
                        + " for its final state: check it with " + terms.statusCheck() + ".");
    }

    private DeploymentOutcome unknown(Item item, DeploymentPart part, List<InFlightRequest> requests) {
        List<String> mine = requests.stream()
                .filter(request -> request.worker() == item.worker)
                .map(InFlightRequest::describe)
                .toList();
        String what = operation == Operation.STATUS
                ? "its status was being read"
                : "the " + operation.verb() + " was being worked on";
        String message = mine.isEmpty()
                ? "outcome unknown: the build was stopped while " + what + " (no request on its way at that moment"
                        + (operation == Operation.STATUS ? "" : "; an earlier attempt may have reached the service")
                        + ")"
                : "outcome unknown: the build was stopped while " + String.join(" and ", mine) + " was on its way";
        return new DeploymentOutcome.Interrupted(
                item.target,
                part,
                DeploymentOutcome.Interrupted.Stage.UNKNOWN,
                null,
                message + ": check it with " + terms.statusCheck() + ".");
    }
}
