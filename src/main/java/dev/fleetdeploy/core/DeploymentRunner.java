package dev.fleetdeploy.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        int first = progress.begin(operation, options.dryRun(), targets);
        List<WorkItem> items = new ArrayList<>();
        for (FleetTarget target : targets) {
            announce(operation, target);
            for (DeploymentId id : target.ids()) {
                items.add(new WorkItem(target, id, first + items.size()));
            }
        }
        List<DeploymentOutcome> outcomes = options.dryRun()
                ? items.stream().map(item -> plan(operation, item, progress)).toList()
                : runAll(operation, items, progress);
        return new RunReport(operation, options.dryRun(), outcomes);
    }

    /** @param number where it is in the run's {@link RunProgress} */
    private record WorkItem(FleetTarget target, DeploymentId id, int number) {}

    private void announce(Operation operation, FleetTarget target) {
        String prefix = (options.dryRun() ? "[dry run] " : "") + (target.label() == null ? "" : target.label() + ": ");
        String provider = target.provider().kind().displayName();
        List<DeploymentId> ids = target.ids();
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
        List<PlannedRequest> requests = item.target().provider().plan(operation, item.id());
        log.info("[dry run] " + item.target().name(item.id()) + ": would send");
        for (PlannedRequest request : requests) {
            log.info("[dry run]   " + request.method() + " " + request.url()
                    + (request.note() == null ? "" : "  (" + request.note() + ")"));
            for (String header : request.headers()) {
                log.info("[dry run]     " + header);
            }
        }
        DeploymentOutcome planned =
                new DeploymentOutcome.Planned(item.target(), DeploymentPart.whole(item.id()), requests);
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

    /** One outcome per part of the deployment: every part is attempted, whatever happened to the others. */
    private List<DeploymentOutcome> work(Operation operation, WorkItem item, RunProgress progress)
            throws InterruptedException {
        if (!progress.started(item.number())) {
            return List.of(progress.skipped(item.number(), DeploymentPart.whole(item.id())));
        }
        List<DeploymentOutcome> outcomes = workOn(operation, item, progress);
        progress.finished(item.number(), outcomes);
        return outcomes;
    }

    private List<DeploymentOutcome> workOn(Operation operation, WorkItem item, RunProgress progress)
            throws InterruptedException {
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
            parts = target.provider().parts(operation, item.id());
        } catch (OperationFailure failure) {
            return List.of(failed(target, whole, failureLead(operation, target, whole), failure));
        } catch (RuntimeException bug) {
            return List.of(bug(failureLead(operation, target, whole), target, whole, bug));
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
            DeploymentOutcome outcome = work(operation, target, part, item.number(), progress);
            progress.done(item.number(), outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * What the operation answered, and what it took: the requests of the operation itself, which the polls of a wait
     * do not add to.
     */
    private record Answer(ActionResult action, DeploymentStatus status, int attempts, RetryStart retry) {}

    /** The operation on one part, then (with {@code wait}) the polls until its final state. */
    private DeploymentOutcome work(
            Operation operation, FleetTarget target, DeploymentPart part, int number, RunProgress progress)
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
        if (options.waitForFinalState()) {
            if (answer.action() != null) {
                progress.acted(number, answer.action());
            }
            try {
                status = waiting.await(target, part, status, answer.retry());
            } catch (OperationFailure failure) {
                String waitLead = operation == Operation.STATUS
                        ? lead
                        : target.name(part) + ": " + operation.verb()
                                + " was requested, but waiting for its final state failed: ";
                return failed(target, part, waitLead, failure).measured(answer.attempts(), since(started));
            } catch (RuntimeException bug) {
                return bug(lead, target, part, bug).measured(answer.attempts(), since(started));
            }
            log.info(FinalLine.of(operation, target, part, status));
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
            return new Answer(null, status, status.attempts(), null);
        }
        // A wait after a retry compares what it reads with the deployment as it was before (RetryStart).
        DeploymentStatus before =
                operation == Operation.RETRY && options.waitForFinalState() ? before(part, target) : null;
        ActionResult action = operation == Operation.CANCEL ? provider.cancel(part) : provider.retry(part);
        log.info(target.name(part) + ": " + operation.verb() + " requested (" + action.summary() + ")");
        if (action.warning() != null) {
            log.warn(target.name(part) + ": " + action.warning());
        }
        // With wait, the first poll reads the status; without it, nothing more is asked.
        RetryStart retry = operation == Operation.RETRY ? new RetryStart(before, clock.instant()) : null;
        return new Answer(action, null, action.attempts(), retry);
    }

    /** The status before a retry, or null when it cannot be read (the wait then relies on the grace alone). */
    private DeploymentStatus before(DeploymentPart part, FleetTarget target) {
        try {
            DeploymentStatus status = target.provider().status(part);
            log.debug(target.name(part) + ": before the retry: " + status.summary());
            return status;
        } catch (OperationFailure unreadable) {
            log.debug(target.name(part) + ": the status before the retry could not be read (" + unreadable.detail()
                    + "); waiting after the retry relies on its progress alone.");
            return null;
        }
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
                // A library's words may quote an answer.
                "unexpected error: " + WireText.clean(bug.toString()),
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
        return failed(target, part, lead, failure.httpStatus(), failure.detail(), failure.hint(), failure.supportIds());
    }

    private DeploymentOutcome.Failed failed(
            FleetTarget target, DeploymentPart part, String lead, Integer httpStatus, String problem, String hint) {
        return failed(target, part, lead, httpStatus, problem, hint, Map.of());
    }

    /** The whole sentence: what failed, why, what to check, and what the service's support would ask for. */
    private DeploymentOutcome.Failed failed(
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
        if (options.failuresAsWarnings()) {
            log.warn(message);
        } else {
            log.error(message);
        }
        return new DeploymentOutcome.Failed(
                target, part, httpStatus, problem, hint, message, 0, Duration.ZERO, supportIds);
    }

    /** Whether the text already ends a sentence, as an API's own error text often does. */
    private static boolean endsSentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    }
}
