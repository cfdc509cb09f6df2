package dev.fleetdeploy.core;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The operation on one part of a deployment, then (with {@code wait}) the polls until its final state: one outcome,
 * measured, whatever happens.
 */
final class PartWork {
    private final FleetLog log;
    private final RunOptions options;
    private final Clock clock;
    private final FinalStateWait waiting;
    private final Failures failures;
    private final CreatedIdFile createdIds;

    PartWork(FleetLog log, RunOptions options, Clock clock, FinalStateWait waiting, Failures failures) {
        this.log = log;
        this.options = options;
        this.clock = clock;
        this.waiting = waiting;
        this.failures = failures;
        this.createdIds = options.createdIdFile() == null ? null : new CreatedIdFile(options.createdIdFile());
    }

    /**
     * What the operation answered, and what it took: the requests of the operation itself, which the polls of a wait
     * do not add to.
     *
     * @param retry where a retry started from, for the wait that follows it; else null
     */
    private record Answer(ActionResult action, DeploymentStatus status, int attempts, RetryStart retry) {}

    /** @param number the deployment's number in {@code progress} */
    DeploymentOutcome run(
            Operation operation, FleetTarget target, DeploymentPart part, int number, RunProgress progress)
            throws InterruptedException {
        Instant started = clock.instant();
        String lead = Failures.lead(operation, target, part);
        Answer answer;
        try {
            answer = operate(operation, target, part);
            if (answer.action() != null) {
                progress.acted(number, answer.action());
            }
        } catch (OperationFailure failure) {
            return failures.of(target, part, lead, failure).measured(failure.attempts(), since(started));
        } catch (RuntimeException bug) {
            return failures.bug(lead, target, part, bug).measured(0, since(started));
        }
        DeploymentStatus status = answer.status();
        String created = answer.action() == null ? null : answer.action().createdDeploymentId();
        if (created != null && createdIds != null) {
            try {
                createdIds.append(created);
            } catch (IOException | RuntimeException e) {
                return failures.of(
                                target,
                                part,
                                lead,
                                null,
                                "deployment '" + created + "' was created, but its id could not be appended to the"
                                        + " file " + createdIds.path() + " (" + e + ")",
                                "Cancel or follow deployment '" + created + "' by its id, and check that the file's"
                                        + " folder is writable.")
                        .measured(answer.attempts(), since(started));
            }
        }
        if (options.waitForFinalState()) {
            // A retry that created a new deployment is followed there: the old one does not change any more.
            DeploymentPart followed = created == null ? part : DeploymentPart.whole(new DeploymentId(created));
            try {
                status = waiting.await(target, followed, status, answer.retry());
            } catch (OperationFailure failure) {
                String waitLead = operation == Operation.STATUS
                        ? lead
                        : target.name(part) + ": " + operation.verb()
                                + " was requested, but waiting for its final state failed: ";
                return failures.of(target, part, waitLead, failure).measured(answer.attempts(), since(started));
            } catch (RuntimeException bug) {
                return failures.bug(lead, target, part, bug).measured(answer.attempts(), since(started));
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
            return new Answer(null, status, status.attempts(), null);
        }
        // A wait after a retry compares what it reads with the deployment as it was before (RetryStart).
        boolean retryInPlace = operation == Operation.RETRY && !provider.retryCreatesDeployment();
        DeploymentStatus before = retryInPlace && options.waitForFinalState() ? before(part, target) : null;
        ActionResult action = operation == Operation.CANCEL ? provider.cancel(part) : provider.retry(part);
        log.info(target.name(part) + ": " + operation.verb() + " requested (" + action.summary() + ")");
        if (action.warning() != null) {
            log.warn(target.name(part) + ": " + action.warning());
        }
        // With wait, the first poll reads the status; without it, nothing more is asked.
        RetryStart retry = retryInPlace ? new RetryStart(before, clock.instant()) : null;
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
}
