package dev.fleetdeploy.testing;

/**
 * The answers of Datadog's Fleet deployments API: what {@link FakeDatadog} sends from its state, and what a test
 * forces or queues on a server of its own, from one set of bodies ({@link DatadogBodies}).
 */
public final class DatadogAnswers {

    private DatadogAnswers() {}

    /** v2's 200 to an accepted cancel: the deployment is stopping, in Datadog's words. */
    public static CannedAnswer canceled(String id) {
        return canceled(id, "stopping", DatadogBodies.CANCEL_MESSAGE);
    }

    /** v2's 200 to an accepted cancel, with this status and message. */
    public static CannedAnswer canceled(String id, String status, String message) {
        return json(200, DatadogBodies.v2Cancel(id, status, message));
    }

    /** The unstable generation's answer to an accepted cancel: 204 and no body. */
    public static CannedAnswer unstableCanceled() {
        return CannedAnswer.empty(204);
    }

    /** v2's 200 to a read: the deployment's status, host counts and hosts. */
    public static CannedAnswer deployment(FakeDeployment deployment) {
        return json(200, DatadogBodies.v2Get(deployment));
    }

    /** v2's 200 to a read of a deployment in this status, with three hosts. */
    public static CannedAnswer deployment(String id, String status) {
        return deployment(FakeDeployment.withHosts(id, status, 3));
    }

    /** The unstable generation's 200 to a read: one page of hosts. */
    static CannedAnswer unstableDeployment(FakeDeployment deployment, int limit, int page) {
        return json(200, DatadogBodies.unstableGet(deployment, limit, page));
    }

    /** The refusal of a cancel of a deployment that is no longer pending or running. */
    public static CannedAnswer notCancelable(String id, int code, String status) {
        return CannedAnswer.errors(code, DatadogBodies.refusal(id, status));
    }

    /** The fake's own refusal: 400, and which statuses can be canceled. */
    static CannedAnswer notCancelable(FakeDeployment deployment) {
        return CannedAnswer.errors(
                400,
                DatadogBodies.refusal(deployment.id(), deployment.status())
                        + "; only pending or running deployments can be canceled.");
    }

    /** Datadog's answer about an unknown deployment (or one the keys' owner cannot see). */
    public static CannedAnswer notFound() {
        return CannedAnswer.errors(404, "Deployment not found");
    }

    /** 429 over the rate limit, with Datadog's headers and these words. */
    public static CannedAnswer rateLimited(int resetSeconds, String message) {
        CannedAnswer limited = CannedAnswer.rateLimited(resetSeconds);
        return new CannedAnswer(429, limited.headers(), DatadogBodies.errors(message));
    }

    private static CannedAnswer json(int code, String body) {
        return CannedAnswer.of(code, CannedAnswer.JSON, body);
    }
}
