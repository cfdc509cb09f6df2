package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of the Azure Device Update data plane: what {@link FakeAdu} sends from its state, and what a test
 * forces or queues on a server of its own, from one set of bodies ({@link AduBodies}, {@link AduErrors}). The fake
 * adds the {@code retry-after: 0} the live service sends on every answer; these answers carry none of their own.
 */
public final class AduAnswers {
    static final String JSON = "application/json; charset=utf-8";

    private AduAnswers() {}

    /**
     * GA's 200 about one subgroup deployment, with its flags, as a cancel, a retry or the subgroup's GET answers it.
     */
    public static CannedAnswer subgroupDeployment(
            String groupId, String id, String deviceClassId, boolean canceled, boolean retried) {
        FakeSubgroup active = FakeSubgroup.active(deviceClassId);
        FakeSubgroup subgroup = new FakeSubgroup(
                deviceClassId,
                canceled ? "Canceled" : active.deploymentState(),
                active.totalDevices(),
                active.devicesInProgress(),
                active.devicesSucceeded(),
                active.devicesFailed(),
                active.devicesCanceled(),
                canceled,
                retried,
                null,
                null);
        FakeAduDeployment deployment = FakeAduDeployment.of(groupId, id, List.of(), FakeAdu.START_TIMES.get(0))
                .withSubgroup(subgroup);
        return json(200, AduBodies.gaSubgroupDeployment(deployment, subgroup, false));
    }

    /** The 200 of one of the spec's examples, e.g. {@code "2020-09-01/Deployments_RetryDeployment"}. */
    public static CannedAnswer example(String path) {
        return json(200, SpecExample.load(path).body(200));
    }

    /** An error in the spec's shape: {@code {"error":{"code":"...","message":"..."}}}. */
    public static CannedAnswer error(int status, String code, String message) {
        return json(status, AduErrors.azure(code, message));
    }

    /** The live service's 404: RFC 7807 problem details, with a fresh trace id. */
    public static CannedAnswer problemNotFound() {
        return CannedAnswer.of(404, "application/problem+json; charset=utf-8", AduErrors.problemNotFound());
    }

    /** The 401 to a request without a valid bearer token. */
    static CannedAnswer unauthorized() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("WWW-Authenticate", "Bearer");
        return new CannedAnswer(
                401,
                headers,
                AduErrors.azure("Unauthorized", "The request has no valid bearer token in its Authorization header."));
    }

    static CannedAnswer json(int status, String body) {
        return CannedAnswer.of(status, JSON, body);
    }
}
