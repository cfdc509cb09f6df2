package dev.fleetdeploy.core;

/**
 * What the provider answered to a cancel or retry that succeeded. Its texts come from the network: each is cleaned
 * here ({@link WireText}), so that no provider, reader or later output can forget it.
 *
 * @param httpStatus the 2xx status
 * @param state the deployment's state after the request, if the answer said (e.g. "stopping"); else null
 * @param message the provider's own words about it, if any; else null
 * @param warning something the user should know although the request succeeded (an answer that could not be read),
 *     or null
 * @param attempts how many requests it took, retries and any check of the deployment included
 * @param createdDeploymentId the deployment the operation created (a Datadog retry creates a new one), or null
 */
public record ActionResult(
        int httpStatus, String state, String message, String warning, int attempts, String createdDeploymentId) {

    public ActionResult {
        state = WireText.clean(state);
        message = WireText.clean(message);
        warning = WireText.sentence(warning);
        createdDeploymentId = WireText.clean(createdDeploymentId);
    }

    /** The answer to a single request. */
    public ActionResult(int httpStatus, String state, String message) {
        this(httpStatus, state, message, null);
    }

    /** The answer to a single request. */
    public ActionResult(int httpStatus, String state, String message, String warning) {
        this(httpStatus, state, message, warning, 1, null);
    }

    /** An answer that created no deployment. */
    public ActionResult(int httpStatus, String state, String message, String warning, int attempts) {
        this(httpStatus, state, message, warning, attempts, null);
    }

    /** The same answer, after {@code attempts} requests in all. */
    public ActionResult withAttempts(int attempts) {
        return new ActionResult(httpStatus, state, message, warning, attempts, createdDeploymentId);
    }

    /** "HTTP 200, state stopping: Cancellation has been requested." */
    public String summary() {
        StringBuilder text = new StringBuilder("HTTP ").append(httpStatus);
        if (state != null) {
            text.append(", state ").append(state);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
