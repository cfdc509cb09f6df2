package dev.fleetdeploy.core;

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
    /** The longest pause between two polls of a deployment that does not change. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(60);
    /** Ids named in the opening line; each deployment gets its own line anyway. */
    private static final int IDS_NAMED = 10;

    private final FleetLog log;
    private final RunOptions options;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Deadline deadline;
    private final RequestCounter requests;

    public DeploymentRunner(FleetLog log, RunOptions options, Deadline deadline, RequestCounter requests) {
        this(log, options, Sleeper.SYSTEM, Clock.systemUTC(), deadline, requests);
    }

    public DeploymentRunner(FleetLog log, RunOptions options, Sleeper sleeper, Clock clock) {
        this(log, options, sleeper, clock, Deadline.NONE);
    }

    public DeploymentRunner(FleetLog log, RunOptions options, Sleeper sleeper, Clock clock, Deadline deadline) {
        this(log, options, sleeper, clock, deadline, RequestCounter.NONE);
    }

    /**
     * @param deadline when the execution must be over: deployments not begun by then are reported, not attempted
     * @param requests counts the requests each deployment takes, for the report
     */
    public DeploymentRunner(
            FleetLog log,
            RunOptions options,
            Sleeper sleeper,
            Clock clock,
            Deadline deadline,
            RequestCounter requests) {
        this.log = log;
        this.options = options;
        this.sleeper = sleeper;
        this.clock = clock;
        this.deadline = deadline;
        this.requests = requests;
    }

    public RunReport run(Operation operation, List<FleetTarget> targets) throws InterruptedException {
        List<WorkItem> items = new ArrayList<>();
        for (FleetTarget target : targets) {
            announce(operation, target);
            for (DeploymentId id : target.ids()) {
                items.add(new WorkItem(target, id));
            }
        }
        List<DeploymentOutcome> outcomes = options.dryRun()
                ? items.stream().map(item -> plan(operation, item)).toList()
                : runAll(operation, items);
        return new RunReport(operation, options.dryRun(), outcomes);
    }

    private record WorkItem(FleetTarget target, DeploymentId id) {}

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

    private DeploymentOutcome plan(Operation operation, WorkItem item) {
        List<PlannedRequest> requests = item.target().provider().plan(operation, item.id());
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
            return List.of(
                    failed(
                            target,
                            whole,
                            failureLead(operation, target, whole),
                            null,
                            "not attempted: " + deadline.describe() + " ran out before its turn came",
                            "Raise executionTimeout or parallelism, and run the goal again for the deployments not attempted."));
        }
        List<DeploymentPart> parts;
        try {
            parts = target.provider().parts(operation, item.id());
        } catch (OperationFailure failure) {
            return List.of(failed(target, whole, failureLead(operation, target, whole), failure));
        } catch (RuntimeException bug) {
            return List.of(bug(operation, target, whole, bug));
        }
        if (parts.size() > 1) {
            log.info(target.name(item.id()) + " has " + parts.size() + " subgroups ("
                    + parts.stream().map(p -> String.valueOf(p.subgroup())).collect(Collectors.joining(", "))
                    + "): each gets its own " + operation.verb() + ".");
        }
        List<DeploymentOutcome> outcomes = new ArrayList<>(parts.size());
        for (DeploymentPart part : parts) {
            Instant started = clock.instant();
            requests.reset();
            AtomicInteger operationAttempts = new AtomicInteger(-1);
            DeploymentOutcome outcome = work(operation, target, part, operationAttempts);
            Duration took = Duration.between(started, clock.instant());
            // Attempts of the operation itself, not counting the polls of a wait.
            int attempts = operationAttempts.get() >= 0 ? operationAttempts.get() : requests.count();
            if (outcome instanceof DeploymentOutcome.Succeeded done) {
                outcome = new DeploymentOutcome.Succeeded(
                        done.target(), done.part(), done.action(), done.status(), attempts, took);
            } else if (outcome instanceof DeploymentOutcome.Failed failed) {
                outcome = failed.measured(attempts, took);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** @param operationAttempts set to the requests the operation took, before any wait */
    private DeploymentOutcome work(
            Operation operation, FleetTarget target, DeploymentPart part, AtomicInteger operationAttempts)
            throws InterruptedException {
        FleetProvider provider = target.provider();
        try {
            return switch (operation) {
                case CANCEL, RETRY -> {
                    ActionResult action = operation == Operation.CANCEL ? provider.cancel(part) : provider.retry(part);
                    operationAttempts.set(requests.count());
                    log.info(target.name(part) + ": " + operation.verb() + " requested (" + action.summary() + ")");
                    if (action.warning() != null) {
                        log.warn(target.name(part) + ": " + action.warning());
                    }
                    DeploymentStatus status = null;
                    if (options.waitForFinalState()) {
                        try {
                            status = awaitFinalState(target, part, null);
                        } catch (OperationFailure failure) {
                            yield failed(
                                    target,
                                    part,
                                    target.name(part) + ": " + operation.verb()
                                            + " was requested, but waiting for its final state failed: ",
                                    failure);
                        }
                        log.info(FinalLine.of(operation, target, part, status));
                    }
                    yield new DeploymentOutcome.Succeeded(target, part, action, status);
                }
                case STATUS -> {
                    DeploymentStatus status = provider.status(part);
                    operationAttempts.set(requests.count());
                    logStatus(target, part, status);
                    if (options.waitForFinalState()) {
                        status = awaitFinalState(target, part, status);
                        log.info(FinalLine.of(operation, target, part, status));
                    }
                    yield new DeploymentOutcome.Succeeded(target, part, null, status);
                }
            };
        } catch (OperationFailure failure) {
            return failed(target, part, failureLead(operation, target, part), failure);
        } catch (RuntimeException bug) {
            return bug(operation, target, part, bug);
        }
    }

    private DeploymentOutcome bug(Operation operation, FleetTarget target, DeploymentPart part, RuntimeException bug) {
        return failed(
                target,
                part,
                failureLead(operation, target, part),
                null,
                "unexpected error: " + bug,
                "This is a bug in the plugin; please report it with the log of a -X run.");
    }

    /** "Datadog cancel of deployment 'abc' failed: ", with the target's label when there are several. */
    private static String failureLead(Operation operation, FleetTarget target, DeploymentPart part) {
        return (target.label() == null ? "" : target.label() + ": ")
                + target.provider().kind().displayName() + " " + operation.verb() + " of " + part.describe()
                + " failed: ";
    }

    private DeploymentOutcome failed(FleetTarget target, DeploymentPart part, String lead, OperationFailure failure) {
        return failed(target, part, lead, failure.httpStatus(), failure.detail(), failure.hint());
    }

    private DeploymentOutcome failed(
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

    private void logStatus(FleetTarget target, DeploymentPart part, DeploymentStatus status) {
        log.info(target.name(part) + ": " + status.summary());
        for (String detail : status.details()) {
            log.info("  " + detail);
        }
    }

    /** Nothing changed: the next poll comes half as late again, up to {@link #MAX_POLL_INTERVAL}. */
    private static Duration slower(Duration interval) {
        Duration next = interval.plus(interval.dividedBy(2));
        return next.compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : next;
    }

    /** Polls until the deployment reaches a final state; {@code known} is a status already read, or null. */
    private DeploymentStatus awaitFinalState(FleetTarget target, DeploymentPart part, DeploymentStatus known)
            throws OperationFailure, InterruptedException {
        Instant waitEnds = clock.instant().plus(options.waitTimeout());
        boolean executionEndsFirst = deadline.at().isBefore(waitEnds);
        Instant until = executionEndsFirst ? deadline.at() : waitEnds;
        DeploymentStatus status = known;
        if (status == null) {
            status = target.provider().status(part);
            logStatus(target, part, status);
        }
        String shown = status.summary();
        Duration interval = options.pollInterval();
        while (!status.terminal()) {
            Duration remaining = Duration.between(clock.instant(), until);
            // A poll at the execution's deadline would be refused: stop now, with the state last seen.
            boolean noPollLeft = executionEndsFirst && remaining.compareTo(interval) <= 0;
            if (remaining.isNegative() || remaining.isZero() || noPollLeft) {
                String state = status.state() == null ? "without a final state" : "'" + status.state() + "'";
                throw executionEndsFirst
                        ? new WaitTimeoutException(
                                "it was still " + state + " when " + deadline.describe() + " ran out",
                                "Check it again with the deployment-status goal, or raise executionTimeout.")
                        : new WaitTimeoutException(
                                "it was still " + state + " after waiting "
                                        + options.waitTimeout().toSeconds() + " s",
                                "Check it again with the deployment-status goal, or raise waitTimeout.");
            }
            Duration pause = remaining.compareTo(interval) < 0 ? remaining : interval;
            log.debug(target.name(part) + ": not final yet; next check in " + pause.toSeconds() + " s");
            sleeper.sleep(pause);
            status = target.provider().status(part);
            if (!status.summary().equals(shown)) {
                logStatus(target, part, status);
                shown = status.summary();
                interval = options.pollInterval(); // Things are moving: look again soon.
            } else {
                interval = slower(interval);
            }
        }
        return status;
    }
}
