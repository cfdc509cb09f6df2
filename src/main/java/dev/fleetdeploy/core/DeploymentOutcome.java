package dev.fleetdeploy.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one deployment. */
public sealed interface DeploymentOutcome {

    FleetTarget target();

    /** The deployment, or the one subgroup of it, that this outcome is about. */
    DeploymentPart part();

    default DeploymentId id() {
        return part().id();
    }

    /** How many requests the operation took (retries included); 0 when it was not done (a plan, an abort). */
    default int attempts() {
        return 0;
    }

    /** How long this deployment took, waiting included; zero when it was not done. */
    default Duration duration() {
        return Duration.ZERO;
    }

    /**
     * The operation was done.
     *
     * @param action the provider's answer to cancel or retry; null for a status read
     * @param status the deployment's status, when it was read (status goal, or {@code wait}); else null
     */
    record Succeeded(
            FleetTarget target,
            DeploymentPart part,
            ActionResult action,
            DeploymentStatus status,
            int attempts,
            Duration duration)
            implements DeploymentOutcome {

        public Succeeded(FleetTarget target, DeploymentPart part, ActionResult action, DeploymentStatus status) {
            this(target, part, action, status, 0, Duration.ZERO);
        }
    }

    /**
     * The operation failed.
     *
     * @param httpStatus the API's status, when it answered; else null
     * @param problem what went wrong ("HTTP 404 Not Found: Deployment not found")
     * @param hint what to check next
     * @param message the whole sentence shown to the user: provider, operation, id, problem and hint
     * @param supportIds what the service's support asks for, by name ({@link OperationFailure#supportIds()})
     */
    record Failed(
            FleetTarget target,
            DeploymentPart part,
            Integer httpStatus,
            String problem,
            String hint,
            String message,
            int attempts,
            Duration duration,
            Map<String, String> supportIds)
            implements DeploymentOutcome {

        public Failed {
            supportIds = Collections.unmodifiableMap(new LinkedHashMap<>(supportIds));
        }

        public Failed(
                FleetTarget target,
                DeploymentPart part,
                Integer httpStatus,
                String problem,
                String hint,
                String message) {
            this(target, part, httpStatus, problem, hint, message, 0, Duration.ZERO, Map.of());
        }

        /** This failure, with what it cost. */
        Failed measured(int attempts, Duration duration) {
            return new Failed(target, part, httpStatus, problem, hint, message, attempts, duration, supportIds);
        }
    }

    /**
     * The build was stopped (a CI abort: SIGTERM, SIGINT) before this deployment's outcome was known.
     *
     * @param stage how far it had come
     * @param action the provider's answer, when the operation was done and only its wait was cut short; else null
     * @param message what is known, and what to check
     */
    record Interrupted(FleetTarget target, DeploymentPart part, Stage stage, ActionResult action, String message)
            implements DeploymentOutcome {

        /** How far a deployment had come when the build was stopped. */
        public enum Stage {
            /** Its turn had not come: nothing was sent for it. */
            NOT_ATTEMPTED,
            /** It was being worked on: a request may have reached the service, its outcome is unknown. */
            UNKNOWN,
            /** The operation was done; the wait for its final state was cut short. */
            WAITING
        }
    }

    /** Dry run: what would have been sent. */
    record Planned(FleetTarget target, DeploymentPart part, List<PlannedRequest> requests)
            implements DeploymentOutcome {}
}
