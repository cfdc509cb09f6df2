package dev.fleetdeploy.core;

import java.util.List;

/** What happened to one deployment. */
public sealed interface DeploymentOutcome {

    FleetTarget target();

    /** The deployment, or the one subgroup of it, that this outcome is about. */
    DeploymentPart part();

    default DeploymentId id() {
        return part().id();
    }

    /**
     * The operation was done.
     *
     * @param action the provider's answer to cancel or retry; null for a status read
     * @param status the deployment's status, when it was read (status goal, or {@code wait}); else null
     */
    record Succeeded(FleetTarget target, DeploymentPart part, ActionResult action, DeploymentStatus status)
            implements DeploymentOutcome {
    }

    /**
     * The operation failed.
     *
     * @param httpStatus the API's status, when it answered; else null
     * @param problem what went wrong ("HTTP 404 Not Found: Deployment not found")
     * @param hint what to check next
     * @param message the whole sentence shown to the user: provider, operation, id, problem and hint
     */
    record Failed(FleetTarget target, DeploymentPart part, Integer httpStatus, String problem, String hint, String message)
            implements DeploymentOutcome {
    }

    /** Dry run: what would have been sent. */
    record Planned(FleetTarget target, DeploymentPart part, List<PlannedRequest> requests) implements DeploymentOutcome {
    }
}
