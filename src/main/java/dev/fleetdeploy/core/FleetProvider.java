package dev.fleetdeploy.core;

import java.util.List;
import java.util.Optional;

/**
 * One fleet service (Datadog Fleet Automation, Azure Device Update), configured for one site or account.
 *
 * <p>Implementations are thread-safe: the runner works on several deployments at once.
 */
public interface FleetProvider {

    ProviderKind kind();

    /** Where requests go, in short: "datadoghq.eu", an account's host, or the baseUrl that replaces it. */
    String place();

    /** Where requests go, in full, for messages: "datadoghq.eu, API v2". */
    String location();

    /** How the provider authenticates, when that is worth a log line ("a client secret of client 'abc' ..."). */
    default Optional<String> authentication() {
        return Optional.empty();
    }

    /**
     * Refuses a deployment id this provider's API cannot take (too long, characters it forbids), before anything is
     * sent.
     *
     * @throws ConfigurationException with a sentence that names the id and what is wrong with it
     */
    default void checkDeploymentId(DeploymentId id) {}

    /**
     * What {@code operation} acts on for this deployment, one request each: the whole deployment, unless the
     * provider works a subgroup at a time (it may then ask the API which subgroups there are).
     *
     * @return at least one part
     * @throws OperationFailure when the API could not say, or the deployment has nothing to act on
     */
    default List<DeploymentPart> parts(Operation operation, DeploymentId id) throws OperationFailure {
        return List.of(DeploymentPart.whole(id));
    }

    ActionResult cancel(DeploymentPart part) throws OperationFailure;

    ActionResult retry(DeploymentPart part) throws OperationFailure;

    DeploymentStatus status(DeploymentPart part) throws OperationFailure;

    /**
     * Whether a retry creates a new deployment (its id in {@link ActionResult#createdDeploymentId()}) rather than
     * acting on the one it is given, as Datadog's does: a wait then follows the new one from its start.
     */
    default boolean retryCreatesDeployment() {
        return false;
    }

    /**
     * The requests {@code operation} would send for {@code id}, for a dry run. Sends nothing that changes anything; it
     * may read, when {@link #planReads} says so (a Datadog retry reads the deployment to show the exact body it would
     * send).
     *
     * @throws OperationFailure when a read it needs failed
     */
    List<PlannedRequest> plan(Operation operation, DeploymentId id) throws OperationFailure;

    /** Whether {@link #plan} of {@code operation} reads from the API (and so cannot be made offline). */
    default boolean planReads(Operation operation) {
        return false;
    }

    /**
     * {@code select=active}: the deployments the API reports as active that match the target's narrowing, as the
     * parts {@code operation} acts on. Reads only.
     *
     * @throws OperationFailure when the API could not say, or cannot tell which deployments are active
     * @throws ConfigurationException when this provider cannot select
     */
    default ActiveSelection selectActive(Operation operation) throws OperationFailure {
        throw new ConfigurationException(kind().displayName() + " cannot select its active deployments: give ids.");
    }
}
