package dev.fleetdeploy.faults;

import dev.fleetdeploy.testing.StatusLine;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** The answers a misbehaving server sends, and the well-formed ones it sends in between. */
final class Answers {
    /** The request Datadog's v2 cancel sends to, for deployment {@code dep-1}. */
    static final String DD_CANCEL = "/api/v2/fleet/deployments/dep-1/cancel";

    static final String DD_STATUS = "/api/v2/fleet/deployments/dep-1";
    /** ADU GA's cancel of dep-1's subgroup dc1 (query left out). */
    static final String ADU_CANCEL =
            "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/dep-1:cancel";

    private Answers() {}

    /** A status with its real reason phrase and nothing else. */
    static MockResponse.Builder status(int code) {
        return new MockResponse.Builder().status(StatusLine.of(code));
    }

    static MockResponse json(int code, String body) {
        return status(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** Datadog's documented error shape. */
    static MockResponse errors(int code, String message) {
        return json(code, "{\"errors\":[\"" + message + "\"]}");
    }

    /** Datadog's answer to an accepted v2 cancel. */
    static MockResponse datadogCanceled() {
        return json(
                200,
                "{\"data\":{\"id\":\"dep-1\",\"type\":\"deployment\",\"attributes\":"
                        + "{\"status\":\"stopping\",\"message\":\"Cancellation has been requested.\"}}}");
    }

    /** Datadog's refusal of a cancel of a deployment that is past pending or running. */
    static MockResponse datadogNotCancelable(int code, String state) {
        return errors(code, "Deployment dep-1 cannot be canceled: its status is " + state);
    }

    /** A v2 deployment read in this state. */
    static MockResponse datadogDeployment(String state) {
        return json(
                200,
                "{\"data\":{\"id\":\"dep-1\",\"type\":\"deployment\",\"attributes\":{\"high_level_status\":\"" + state
                        + "\",\"total_hosts\":3}}}");
    }

    /** An ADU GA subgroup deployment with its flags. */
    static MockResponse aduDeployment(boolean canceled, boolean retried) {
        return json(
                200,
                "{\"deploymentId\":\"dep-1\",\"groupId\":\"TestGroup\",\"deviceClassSubgroups\":[\"dc1\"],"
                        + "\"isCanceled\":" + canceled + ",\"isRetried\":" + retried + "}");
    }

    /** ADU's refusal, in Azure's error shape. */
    static MockResponse aduConflict(String message) {
        return json(409, "{\"error\":{\"code\":\"DeploymentConflict\",\"message\":\"" + message + "\"}}");
    }

    /** Reads the request, then never answers: the client's readTimeout must end it. */
    static MockResponse stall() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }

    /** Reads the request, then drops the connection without a word: it may or may not have been acted on. */
    static MockResponse dropAfterRequest() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    /** Reads the request, then closes the socket outright (a reset as the client sees it). */
    static MockResponse closeAfterRequest() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build();
    }
}
