package dev.fleetdeploy.core;

import java.util.List;

/**
 * One fleet service (Datadog Fleet Automation, Azure Device Update), configured for one site or account.
 *
 * <p>Implementations are thread-safe: the runner works on several deployments at once.
 */
public interface FleetProvider {

    ProviderKind kind();

    /** Where requests go, for messages: "datadoghq.eu, API v2". */
    String location();

    /**
     * Refuses an operation this provider does not have, before anything is sent.
     *
     * @throws ConfigurationException with a sentence that says so and what to do instead
     */
    void checkSupported(Operation operation);

    ActionResult cancel(DeploymentId id) throws OperationFailure;

    ActionResult retry(DeploymentId id) throws OperationFailure;

    DeploymentStatus status(DeploymentId id) throws OperationFailure;

    /** The requests {@code operation} would send for {@code id}, for a dry run. Sends nothing. */
    List<PlannedRequest> plan(Operation operation, DeploymentId id);
}
