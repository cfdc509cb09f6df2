package dev.fleetdeploy.core;

import java.time.Clock;
import java.time.Duration;
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
 * one outcome. What {@code select=active} finds is read, logged and guarded first, before anything is done; every step
 * is told to a {@link RunProgress}, so that a CI abort can report where the run stood.
 */
public final class DeploymentRunner {
    /** Ids named in the opening line; each deployment gets its own line anyway. */
    private static final int IDS_NAMED = 10;

    private final FleetLog log;
    private final RunOptions options;
    private final Clock clock;
    private final Deadline deadline;
    private final UserTerms terms;
    private final Failures failures;
    private final PartWork partWork;

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
        this.failures = new Failures(log, options.failuresAsWarnings(), terms);
        FinalStateWait waiting = new FinalStateWait(log, options, terms, sleeper, clock, deadline);
        this.partWork = new PartWork(log, options, clock, waiting, failures);
    }

    public RunReport run(Operation operation, List<FleetTarget> targets) throws InterruptedException {
        return run(operation, targets, new RunProgress(terms));
    }

    /**
     * @param progress learns each step as it happens, so that a CI abort can report where the run stood (see
     *     {@link RunProgress#snapshot})
     */
    public RunReport run(Operation operation, List<FleetTarget> targets, RunProgress progress)
            throws InterruptedException {
        // Selections are read first, all of them, so that what a run will act on is known (and guarded) before any
        // of it is done.
        ActiveSelections selections = new ActiveSelections(log, options, terms, failures).read(operation, targets);
        if (selections.selected() > options.maxDeployments()) {
            return new RunReport(
                    operation, options.dryRun(), selections.tooMany(operation), selections.selections(), false);
        }
        progress.begin(operation, options.dryRun(), selections.selections());
        List<WorkItem> items = new ArrayList<>();
        for (FleetTarget target : targets) {
            ActiveSelection found = target.selectsActive() ? selections.of(target) : null;
            List<DeploymentId> ids = !target.selectsActive() ? target.ids() : found == null ? List.of() : found.ids();
            if (ids.isEmpty()) {
                continue;
            }
            announce(operation, target, ids);
            for (DeploymentId id : ids) {
                List<DeploymentPart> parts = found == null ? null : ActiveSelections.partsOf(found, id);
                items.add(new WorkItem(target, id, parts, progress.add(target, id)));
            }
        }
        List<DeploymentOutcome> outcomes = new ArrayList<>(selections.unread());
        outcomes.addAll(
                options.dryRun()
                        ? items.stream()
                                .map(item -> plan(operation, item, progress))
                                .toList()
                        : runAll(operation, items, progress));
        return new RunReport(operation, options.dryRun(), outcomes, selections.selections(), false);
    }

    /**
     * @param parts what a selection found to act on in this deployment (the active subgroups, where the provider works
     *     a subgroup at a time); null to ask the provider
     * @param number where it is in the run's {@link RunProgress}
     */
    private record WorkItem(FleetTarget target, DeploymentId id, List<DeploymentPart> parts, int number) {}

    private void announce(Operation operation, FleetTarget target, List<DeploymentId> ids) {
        String prefix =
                (options.dryRun() ? "[dry run] " : "") + target.targetName().prefix();
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

    private DeploymentOutcome plan(Operation operation, WorkItem item, RunProgress progress) {
        progress.started(item.number());
        DeploymentPart whole = DeploymentPart.whole(item.id());
        DeploymentOutcome planned;
        try {
            List<PlannedRequest> requests = item.target().provider().plan(operation, item.id());
            log.info("[dry run] " + item.target().name(item.id()) + ": would send");
            for (PlannedRequest request : requests) {
                log.info("[dry run]   " + request.method() + " " + request.url()
                        + (request.note() == null ? "" : "  (" + request.note() + ")"));
                for (String header : request.headers()) {
                    log.info("[dry run]     " + header);
                }
            }
            planned = new DeploymentOutcome.Planned(item.target(), whole, requests);
        } catch (OperationFailure failure) {
            planned = failures.of(
                            item.target(),
                            whole,
                            "[dry run] " + Failures.lead(operation, item.target(), whole),
                            failure)
                    .measured(failure.attempts(), Duration.ZERO);
        }
        progress.finished(item.number(), List.of(planned));
        return planned;
    }

    private List<DeploymentOutcome> runAll(Operation operation, List<WorkItem> items, RunProgress progress)
            throws InterruptedException {
        int threads = Math.min(options.parallelism(), items.size());
        List<DeploymentOutcome> outcomes = new ArrayList<>(items.size());
        if (threads <= 1) {
            for (WorkItem item : items) {
                outcomes.addAll(work(operation, item, progress));
            }
            return outcomes;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            List<Future<List<DeploymentOutcome>>> futures = new ArrayList<>(items.size());
            for (WorkItem item : items) {
                futures.add(executor.submit(() -> work(operation, item, progress)));
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

    private List<DeploymentOutcome> work(Operation operation, WorkItem item, RunProgress progress)
            throws InterruptedException {
        if (!progress.started(item.number())) {
            return List.of(progress.skipped(item.number(), DeploymentPart.whole(item.id())));
        }
        List<DeploymentOutcome> outcomes = workOn(operation, item, progress);
        progress.finished(item.number(), outcomes);
        return outcomes;
    }

    /** One outcome per part of the deployment: every part is attempted, whatever happened to the others. */
    private List<DeploymentOutcome> workOn(Operation operation, WorkItem item, RunProgress progress)
            throws InterruptedException {
        FleetTarget target = item.target();
        DeploymentPart whole = DeploymentPart.whole(item.id());
        String lead = Failures.lead(operation, target, whole);
        if (deadline.passed(clock)) {
            return List.of(failures.of(
                    target,
                    whole,
                    lead,
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
            return List.of(failures.of(target, whole, lead, failure));
        } catch (RuntimeException bug) {
            return List.of(failures.bug(lead, target, whole, bug));
        }
        if (parts.size() > 1) {
            log.info(target.name(item.id()) + " has " + parts.size() + " subgroups ("
                    + parts.stream().map(p -> String.valueOf(p.shownSubgroup())).collect(Collectors.joining(", "))
                    + "): each gets its own " + operation.verb() + ".");
        }
        progress.parts(item.number(), parts);
        List<DeploymentOutcome> outcomes = new ArrayList<>(parts.size());
        for (DeploymentPart part : parts) {
            if (!progress.working(item.number(), part)) {
                outcomes.add(progress.skipped(item.number(), part));
                continue;
            }
            DeploymentOutcome outcome = partWork.run(operation, target, part, item.number(), progress);
            progress.done(item.number(), outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
