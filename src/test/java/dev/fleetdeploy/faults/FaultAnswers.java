package dev.fleetdeploy.faults;

import static dev.fleetdeploy.testing.CannedResponses.response;

import dev.fleetdeploy.testing.AduAnswers;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.CannedResponses;
import dev.fleetdeploy.testing.DatadogAnswers;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * What the fault tests queue on their MockWebServer: the shared answers of {@code testing/} (bodies, error shapes,
 * connection faults) about deployment {@code dep-1}, as MockResponses.
 */
final class FaultAnswers {
    /** The request Datadog's v2 cancel sends to, for deployment {@code dep-1}. */
    static final String DD_CANCEL = "/api/v2/fleet/deployments/dep-1/cancel";

    static final String DD_STATUS = "/api/v2/fleet/deployments/dep-1";
    /** ADU GA's cancel of dep-1's subgroup dc1 (query left out). */
    static final String ADU_CANCEL =
            "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/dep-1:cancel";

    private FaultAnswers() {}

    /** A status with its real reason phrase and nothing else, to add headers and a body to. */
    static MockResponse.Builder status(int code) {
        return CannedResponses.builder(CannedAnswer.empty(code));
    }

    static MockResponse json(int code, String body) {
        return response(CannedAnswer.of(code, "application/json", body));
    }

    /** Datadog's documented error shape. */
    static MockResponse errors(int code, String message) {
        return response(CannedAnswer.errors(code, message));
    }

    /** Datadog's answer to an accepted v2 cancel. */
    static MockResponse datadogCanceled() {
        return response(DatadogAnswers.canceled("dep-1", "stopping", "Cancellation has been requested."));
    }

    /** Datadog's refusal of a cancel of a deployment that is past pending or running. */
    static MockResponse datadogNotCancelable(int code, String state) {
        return response(DatadogAnswers.notCancelable("dep-1", code, state));
    }

    /** A v2 deployment read in this state. */
    static MockResponse datadogDeployment(String state) {
        return response(DatadogAnswers.deployment("dep-1", state));
    }

    /** An ADU GA subgroup deployment (dep-1's dc1) with its flags. */
    static MockResponse aduDeployment(boolean canceled, boolean retried) {
        return response(AduAnswers.subgroupDeployment("TestGroup", "dep-1", "dc1", canceled, retried));
    }

    /** ADU's refusal, in Azure's error shape. */
    static MockResponse aduConflict(String message) {
        return aduError(409, "DeploymentConflict", message);
    }

    /** An ADU error in Azure's shape, without the retry-after the live service adds. */
    static MockResponse aduError(int code, String errorCode, String message) {
        return response(AduAnswers.error(code, errorCode, message));
    }

    /** Datadog's 429, with its rate-limit headers: the window resets in {@code resetSeconds}. */
    static MockResponse datadogRateLimited(int resetSeconds) {
        return response(CannedAnswer.rateLimited(resetSeconds));
    }

    /**
     * Queues a request that got no answer, whose repeat the server refuses as the first one had already acted, then
     * what the reads of the deployment's state get.
     */
    static void repeatRefused(MockWebServer server, MockResponse refusal, MockResponse... stateReads) {
        server.enqueue(stall());
        server.enqueue(refusal);
        for (MockResponse read : stateReads) {
            server.enqueue(read);
        }
    }

    /** Reads the request, then never answers: the client's readTimeout must end it. */
    static MockResponse stall() {
        return response(CannedAnswer.noAnswer());
    }

    /** Reads the request, then drops the connection without a word: it may or may not have been acted on. */
    static MockResponse dropAfterRequest() {
        return response(CannedAnswer.dropConnection());
    }

    /** Reads the request, then closes the socket outright (a reset as the client sees it). */
    static MockResponse closeAfterRequest() {
        return response(CannedAnswer.resetConnection());
    }
}
