package dev.fleetdeploy.core;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Works through every deployment of every target: each one is attempted, whatever happened to the others, and gets
 * one outcome. Refusals that need no request (an operation the provider lacks) come first, before anything is sent.
 */
public final class DeploymentRunner {
    /** Ids named in the opening line; each deployment gets its own line anyway. */
    private static final int IDS_NAMED = 10;

    private final FleetLog log;
    private final RunOptions options;
    private final Clock clock;
    private final Deadline deadline;
    private final UserTerms terms;
    private final FinalStateWait waiting;
    private final CreatedIdFile createdIds;

    /** @param terms the front end's words for what a failure's hint tells the user to set or run */
    public DeploymentRunner(FleetLog log, RunOptions options, UserTerms terms, Sleeper sleeper, Clock clock) {
        this(log, options, terms, sleeper, clock, Deadline.NONE);
    }

    /** @param deadline when the execution must be over: deployments not begun by then are reported, not attempted */
    public DeploymentRunner(
            FleetLog log, RunOptions options, UserTerms terms, Sleeper sleeper, Clock clock, Deadline deadline) {
        this.log = log;
        this.options = options;
        this.terms = terms;
        this.clock = clock;
        this.deadline = deadline;
        this.waiting = new FinalStateWait(log, options, terms, sleeper, clock, deadline);
        this.createdIds = options.createdIdFile() == null ? null : new CreatedIdFile(options.createdIdFile());
    }

    public RunReport run(Operation operation, List<FleetTarget> targets) throws InterruptedException {
        // Selections are read first, all of them, so that what a run will act on is known (and guarded) before any
        // of it is done.
        List<DeploymentOutcome> unselected = new ArrayList<>();
        List<RunReport.Selection> selections = new ArrayList<>();
        for (FleetTarget target : targets) {
            if (target.selectsActive()) {
                selections.add(select(operation, target, unselected));
            }
        }
        int selected = selections.stream()
                .filter(s -> s.found() != null)
                .mapToInt(s -> s.found().ids().size())
                .sum();
        if (selected > options.maxDeployments()) {
            return new RunReport(operation, options.dryRun(), tooMany(operation, selections, selected), selections);
        }
        List<WorkItem> items = new ArrayList<>();
        for (FleetTarget target : targets) {
            List<DeploymentId> ids = target.ids();
            ActiveSelection found = null;
            if (target.selectsActive()) {
                found = selections.stream()
                        .filter(s -> s.target() == target)
                        .findFirst()
                        .map(RunReport.Selection::found)
                        .orElse(null);
                ids = found == null ? List.of() : found.ids();
            }
            if (ids.isEmpty()) {
                continue;
            }
            announce(operation, target, ids);
            for (DeploymentId id : ids) {
                items.add(new WorkItem(target, id, found == null ? null : partsOf(found, id)));
            }
        }
        List<DeploymentOutcome> outcomes = new ArrayList<>(unselected);
        outcomes.addAll(
                options.dryRun()
                        ? items.stream().map(item -> plan(operation, item)).toList()
                        : runAll(operation, items));
        return new RunReport(operation, options.dryRun(), outcomes, selections);
    }

    /**
     * @param parts what a selection found to act on in this deployment (the active subgroups, where the provider works
     *     a subgroup at a time); null to ask the provider
     */
    private record WorkItem(FleetTarget target, DeploymentId id, List<DeploymentPart> parts) {}

    private static List<DeploymentPart> partsOf(ActiveSelection found, DeploymentId id) {
        return found.matches().stream()
                .map(ActiveSelection.Match::part)
                .filter(part -> part.id().equals(id))
                .toList();
    }

    /** What a target's selection finds, logged before anything is done; a failure to read it is its outcome. */
    private RunReport.Selection select(Operation operation, FleetTarget target, List<DeploymentOutcome> failures) {
        String prefix =
                (options.dryRun() ? "[dry run] " : "") + target.targetName().prefix();
        String provider = target.provider().kind().displayName();
        DeploymentPart selection = DeploymentPart.whole(new DeploymentId(terms.selectActive()));
        ActiveSelection found;
        try {
            found = target.provider().selectActive(operation);
        } catch (OperationFailure failure) {
            failures.add(failed(
                            target,
                            selection,
                            target.targetName().prefix() + provider + " " + terms.selectActive() + " on "
                                    + target.provider().location() + " failed, and nothing was "
                                    + operation.done() + ": ",
                            failure)
                    .measured(failure.attempts(), Duration.ZERO));
            return new RunReport.Selection(target, null);
        }
        List<ActiveSelection.Match> matches = found.matches();
        int count = found.ids().size();
        if (count == 0) {
            log.info(prefix + "No active " + provider + " deployment on "
                    + target.provider().location() + " matches " + found.narrowing() + ": nothing to "
                    + operation.verb() + ".");
        } else {
            log.info(prefix + RunReport.plural(count, "active " + provider + " deployment")
                    + (count == 1 ? " matches " : " match ") + found.narrowing() + ": "
                    + matches.stream()
                            .map(m -> m.part() + " (" + m.description() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return new RunReport.Selection(target, found);
    }

    /** More selected than {@code maxDeployments}: the run acts on none of them, and each says why. */
    private List<DeploymentOutcome> tooMany(Operation operation, List<RunReport.Selection> selections, int selected) {
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
                        failureLead(operation, target, whole) + problem + ". " + hint));
            }
        }
        return outcomes;
    }

    private void announce(Operation operation, FleetTarget target, List<DeploymentId> ids) {
        String prefix = (options.dryRun() ? "[dry run] " : "") + (target.label() == null ? "" : target.label() + ": ");
        String provider = target.provider().kind().displayName();
        String what = ids.size() == 1
                ? provider + " deployment '" + ids.get(0) + "'"
                : RunReport.plural(ids.size(), provider + " deployment") + " ("
                        + ids.stream()
                                .limit(IDS_NAMED)
                                .map(id -> "'" + id + "'")
                                .collect(Collectors.joining(", "))
                        + (ids.size() > IDS_NAMED ? " and " + (ids.size() - IDS_NAMED) + " more" : "") + ")";
        log.info(prefix + operation.progressive() + " " + what + " on "
                + target.provider().location() + ".");
        target.provider().authentication().ifPresent(how -> log.info(prefix + "Authenticating with " + how + "."));
    }

    private DeploymentOutcome plan(Operation operation, WorkItem item) {
        List<PlannedRequest> requests;
        DeploymentPart whole = DeploymentPart.whole(item.id());
        try {
            requests = item.target().provider().plan(operation, item.id());
        } catch (OperationFailure failure) {
            return failed(item.target(), whole, "[dry run] " + failureLead(operation, item.target(), whole), failure)
                    .measured(failure.attempts(), Duration.ZERO);
        }
        log.info("[dry run] " + item.target().name(item.id()) + ": would send");
        for (PlannedRequest request : requests) {
            log.info("[dry run]   " + request.method() + " " + request.url()
                    + (request.note() == null ? "" : "  (" + request.note() + ")"));
            for (String header : request.headers()) {
                log.info("[dry run]     " + header);
            }
        }
        return new DeploymentOutcome.Planned(item.target(), DeploymentPart.whole(item.id()), requests);
    }

    private List<DeploymentOutcome> runAll(Operation operation, List<WorkItem> items) throws InterruptedException {
        int threads = Math.min(options.parallelism(), items.size());
        List<DeploymentOutcome> outcomes = new ArrayList<>(items.size());
        if (threads <= 1) {
            for (WorkItem item : items) {
                outcomes.addAll(work(operation, item));
            }
            return outcomes;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            List<Future<List<DeploymentOutcome>>> futures = new ArrayList<>(items.size());
            for (WorkItem item : items) {
                futures.add(executor.submit(() -> work(operation, item)));
            }
            for (Future<List<DeploymentOutcome>> future : futures) {
                outcomes.addAll(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            // work() turns every failure into an outcome; anything else is a bug worth its stack trace.
            throw new IllegalStateException("A deployment worker failed unexpectedly", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fleet-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One outcome per part of the deployment: every part is attempted, whatever happened to the others. */
    private List<DeploymentOutcome> work(Operation operation, WorkItem item) throws InterruptedException {
        FleetTarget target = item.target();
        DeploymentPart whole = DeploymentPart.whole(item.id());
        if (deadline.passed(clock)) {
            return List.of(failed(
                    target,
                    whole,
                    failureLead(operation, target, whole),
                    null,
                    "not attempted: " + deadline.describe(terms.executionTimeout()) + " ran out before its turn came",
                    "Raise " + terms.executionTimeout() + " or " + terms.parallelism() + ", and " + terms.runAgain()
                            + " for the deployments not attempted."));
        }
        List<DeploymentPart> parts;
        try {
            // What a selection found active is what is acted on; a status reads the deployment as usual.
            parts = item.parts() != null && operation != Operation.STATUS
                    ? item.parts()
                    : target.provider().parts(operation, item.id());
        } catch (OperationFailure failure) {
            return List.of(failed(target, whole, failureLead(operation, target, whole), failure));
        } catch (RuntimeException bug) {
            return List.of(bug(failureLead(operation, target, whole), target, whole, bug));
        }
        if (parts.size() > 1) {
            log.info(target.name(item.id()) + " has " + parts.size() + " subgroups ("
                    + parts.stream().map(p -> String.valueOf(p.subgroup())).collect(Collectors.joining(", "))
                    + "): each gets its own " + operation.verb() + ".");
        }
        List<DeploymentOutcome> outcomes = new ArrayList<>(parts.size());
        for (DeploymentPart part : parts) {
            outcomes.add(work(operation, target, part));
        }
        return outcomes;
    }

    /**
     * What the operation answered, and what it took: the requests of the operation itself, which the polls of a wait
     * do not add to.
     */
    private record Answer(ActionResult action, DeploymentStatus status, int attempts) {}

    /** The operation on one part, then (with {@code wait}) the polls until its final state. */
    private DeploymentOutcome work(Operation operation, FleetTarget target, DeploymentPart part)
            throws InterruptedException {
        Instant started = clock.instant();
        String lead = failureLead(operation, target, part);
        Answer answer;
        try {
            answer = operate(operation, target, part);
        } catch (OperationFailure failure) {
            return failed(target, part, lead, failure).measured(failure.attempts(), since(started));
        } catch (RuntimeException bug) {
            return bug(lead, target, part, bug).measured(0, since(started));
        }
        DeploymentStatus status = answer.status();
        String created = answer.action() == null ? null : answer.action().createdDeploymentId();
        if (created != null && createdIds != null) {
            try {
                createdIds.append(created);
            } catch (IOException | RuntimeException e) {
                return failed(
                                target,
                                part,
                                lead,
                                null,
                                "deployment '" + created
                                        + "' was created, but its id could not be appended to the file "
                                        + createdIds.path() + " (" + e + ")",
                                "Cancel or follow deployment '" + created + "' by its id, and check that the file's"
                                        + " folder is writable.")
                        .measured(answer.attempts(), since(started));
            }
        }
        if (options.waitForFinalState()) {
            // A retry that created a new deployment is followed there: the old one does not change any more.
            DeploymentPart followed = created == null ? part : DeploymentPart.whole(new DeploymentId(created));
            try {
                status = waiting.await(target, followed, status);
            } catch (OperationFailure failure) {
                String waitLead = operation == Operation.STATUS
                        ? lead
                        : target.name(part) + ": " + operation.verb()
                                + " was requested, but waiting for its final state failed: ";
                return failed(target, part, waitLead, failure).measured(answer.attempts(), since(started));
            } catch (RuntimeException bug) {
                return bug(lead, target, part, bug).measured(answer.attempts(), since(started));
            }
            log.info(FinalLine.of(operation, target, followed, status));
        }
        return new DeploymentOutcome.Succeeded(
                target, part, answer.action(), status, answer.attempts(), since(started));
    }

    private Answer operate(Operation operation, FleetTarget target, DeploymentPart part)
            throws OperationFailure, InterruptedException {
        FleetProvider provider = target.provider();
        if (operation == Operation.STATUS) {
            DeploymentStatus status = provider.status(part);
            FinalStateWait.logStatus(log, target, part, status);
            return new Answer(null, status, status.attempts());
        }
        ActionResult action = operation == Operation.CANCEL ? provider.cancel(part) : provider.retry(part);
        log.info(target.name(part) + ": " + operation.verb() + " requested (" + action.summary() + ")");
        if (action.warning() != null) {
            log.warn(target.name(part) + ": " + action.warning());
        }
        // With wait, the first poll reads the status; without it, nothing more is asked.
        return new Answer(action, null, action.attempts());
    }

    private Duration since(Instant started) {
        return Duration.between(started, clock.instant());
    }

    private DeploymentOutcome.Failed bug(String lead, FleetTarget target, DeploymentPart part, RuntimeException bug) {
        return failed(
                target,
                part,
                lead,
                null,
                "unexpected error: " + bug,
                "This is a bug in the plugin; please report it with " + terms.bugReportLog() + ".");
    }

    /** "Datadog cancel of deployment 'abc' failed: ", with the target's label when there are several. */
    private static String failureLead(Operation operation, FleetTarget target, DeploymentPart part) {
        return (target.label() == null ? "" : target.label() + ": ")
                + target.provider().kind().displayName() + " " + operation.verb() + " of " + part.describe()
                + " failed: ";
    }

    private DeploymentOutcome.Failed failed(
            FleetTarget target, DeploymentPart part, String lead, OperationFailure failure) {
        return failed(target, part, lead, failure.httpStatus(), failure.detail(), failure.hint());
    }

    private DeploymentOutcome.Failed failed(
            FleetTarget target, DeploymentPart part, String lead, Integer httpStatus, String problem, String hint) {
        String message = lead + problem + (endsSentence(problem) ? " " : ". ") + hint;
        if (options.failuresAsWarnings()) {
            log.warn(message);
        } else {
            log.error(message);
        }
        return new DeploymentOutcome.Failed(target, part, httpStatus, problem, hint, message);
    }

    /** Whether the text already ends a sentence, as an API's own error text often does. */
    private static boolean endsSentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    }
}
