package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The success bodies of the three ADU API generations, with the field names and order of the spec's examples
 * (docs/azure-device-update-api.md, "Deployment bodies"; the examples themselves are under
 * src/test/resources/adu/examples). With {@code omitFalse}, boolean flags that are false are left out, as the live
 * service does ("Recorded answers").
 */
final class AduBodies {

    private AduBodies() {}

    /** v2 GET, cancel and retry: camelCase on the wire, and {@code isRetry} where the 2020 examples say isRetried. */
    static String v2Deployment(FakeAduDeployment d, boolean omitFalse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentId", d.id());
        body.put("deploymentType", "Complete");
        if (!d.subgroups().isEmpty()) {
            body.put("deviceClassId", d.subgroups().get(0).deviceClassId());
        }
        body.put("startDateTime", d.startDateTime());
        body.put("deviceGroupType", "DeviceGroupDefinitions");
        body.put("deviceGroupDefinition", List.of(d.groupId()));
        body.put("updateId", updateId(d));
        flag(body, "isCanceled", d.isCanceled(), omitFalse);
        flag(body, "isCompleted", d.isCompleted(), omitFalse);
        flag(body, "isRetry", d.isRetried(), omitFalse);
        return Json.write(body);
    }

    /** v2 status: the counts over all subgroups. */
    static String v2Status(FakeAduDeployment d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentState", d.deploymentState());
        body.put("totalDevices", d.totalDevices());
        body.put("devicesIncompatibleCount", 0);
        putCounts(body, d.devicesInProgress(), d.devicesFailed(), d.devicesSucceeded(), d.devicesCanceled());
        return Json.write(body);
    }

    /** 2021-06-01-preview GET, cancel and retry: {@code updateId} at the top, as in that version's examples. */
    static String previewDeployment(FakeAduDeployment d, boolean omitFalse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentId", d.id());
        body.put("groupId", d.groupId());
        body.put("startDateTime", d.startDateTime());
        body.put("updateId", updateId(d));
        flag(body, "isCanceled", d.isCanceled(), omitFalse);
        flag(body, "isRetried", d.isRetried(), omitFalse);
        return Json.write(body);
    }

    /** 2021-06-01-preview status: the group, its state, and the counts over all subgroups. */
    static String previewStatus(FakeAduDeployment d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", d.groupId());
        body.put("deploymentState", d.deploymentState());
        body.put("totalDevices", d.totalDevices());
        putCounts(body, d.devicesInProgress(), d.devicesFailed(), d.devicesSucceeded(), d.devicesCanceled());
        return Json.write(body);
    }

    /** GA cancel and retry of one subgroup: the Deployment, flags from that subgroup, no subgroup list. */
    static String gaAction(FakeAduDeployment d, FakeSubgroup s, boolean omitFalse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentId", d.id());
        body.put("groupId", d.groupId());
        body.put("startDateTime", d.startDateTime());
        body.put("update", Map.of("updateId", updateId(d)));
        flag(body, "isCanceled", s.isCanceled(), omitFalse);
        flag(body, "isRetried", s.isRetried(), omitFalse);
        return Json.write(body);
    }

    /** GA group GET: the Deployment with its subgroups; canceled only when every subgroup is. */
    static String gaDeployment(FakeAduDeployment d, boolean omitFalse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentId", d.id());
        body.put("startDateTime", d.startDateTime());
        body.put("groupId", d.groupId());
        body.put("deviceClassSubgroups", d.deviceClassIds());
        body.put("update", Map.of("updateId", updateId(d)));
        flag(body, "isCanceled", d.isCanceled(), omitFalse);
        flag(body, "isRetried", d.isRetried(), omitFalse);
        flag(body, "isCloudInitiatedRollback", false, omitFalse);
        return Json.write(body);
    }

    /** A page of a list: {@code {"value":[...],"nextLink":"..."}}, the link left out on the last page. */
    static String page(List<?> items, String nextLink) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", items);
        if (nextLink != null) {
            body.put("nextLink", nextLink);
        }
        return Json.write(body);
    }

    /** v2 list item: the Deployment as a GET shows it, as a map. */
    static Object v2Item(FakeAduDeployment d, boolean omitFalse) {
        return Json.read(v2Deployment(d, omitFalse));
    }

    /** GA list item: the group Deployment, as a map. */
    static Object gaItem(FakeAduDeployment d, boolean omitFalse) {
        return Json.read(gaDeployment(d, omitFalse));
    }

    /**
     * A group. 2021-06-01-preview names its one deployment ({@code deploymentId}); GA lists the active ones
     * ({@code deployments}).
     *
     * @param deployments the group's deployments that name it, oldest first
     */
    static String group(String groupId, List<FakeAduDeployment> deployments, boolean preview) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", groupId);
        body.put("groupType", "IoTHubTag");
        body.put("createdDateTime", "2022-06-09T00:08:48.4487+00:00");
        body.put(
                "deviceCount",
                deployments.stream()
                        .mapToInt(FakeAduDeployment::totalDevices)
                        .max()
                        .orElse(0));
        if (preview) {
            if (!deployments.isEmpty()) {
                body.put("deploymentId", deployments.get(deployments.size() - 1).id());
            }
        } else {
            body.put(
                    "deployments",
                    deployments.stream()
                            .filter(d -> d.subgroups().stream().anyMatch(s -> "Active".equals(s.deploymentState())))
                            .map(FakeAduDeployment::id)
                            .toList());
        }
        return Json.write(body);
    }

    /**
     * A GA subgroup of a group: its device class, and the group's latest deployment that has it (the subgroup's
     * "active deployment"), unless {@code deploymentId} is null.
     */
    static Map<String, Object> subgroupItem(String groupId, String deviceClassId, String deploymentId, int devices) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deviceClassId", deviceClassId);
        body.put("groupId", groupId);
        body.put("createdDateTime", "2020-07-01T12:13:14.0000000Z");
        body.put("deviceCount", devices);
        if (deploymentId != null) {
            body.put("deploymentId", deploymentId);
        }
        return body;
    }

    /** GA subgroup GET: the Deployment as one subgroup sees it. */
    static String gaSubgroupDeployment(FakeAduDeployment d, FakeSubgroup s, boolean omitFalse) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deploymentId", d.id());
        body.put("startDateTime", d.startDateTime());
        body.put("groupId", d.groupId());
        body.put("update", Map.of("updateId", updateId(d)));
        flag(body, "isCanceled", s.isCanceled(), omitFalse);
        flag(body, "isRetried", s.isRetried(), omitFalse);
        flag(body, "isCloudInitiatedRollback", false, omitFalse);
        return Json.write(body);
    }

    /** GA group status: the group's state and one entry per subgroup. */
    static String gaStatus(FakeAduDeployment d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", d.groupId());
        body.put("deploymentState", d.deploymentState());
        body.put(
                "subgroupStatus",
                d.subgroups().stream().map(s -> subgroupStatus(d, s)).toList());
        return Json.write(body);
    }

    /** GA subgroup status. */
    static String gaSubgroupStatus(FakeAduDeployment d, FakeSubgroup s) {
        return Json.write(subgroupStatus(d, s));
    }

    private static Map<String, Object> subgroupStatus(FakeAduDeployment d, FakeSubgroup s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", d.groupId());
        body.put("deviceClassId", s.deviceClassId());
        body.put("deploymentState", s.deploymentState());
        if (s.errorCode() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", s.errorCode());
            error.put("message", s.errorMessage() == null ? "" : s.errorMessage());
            body.put("error", error);
        }
        body.put("totalDevices", s.totalDevices());
        putCounts(body, s.devicesInProgress(), s.devicesFailed(), s.devicesSucceeded(), s.devicesCanceled());
        return body;
    }

    private static void putCounts(Map<String, Object> body, int inProgress, int failed, int succeeded, int canceled) {
        body.put("devicesInProgressCount", inProgress);
        body.put("devicesCompletedFailedCount", failed);
        body.put("devicesCompletedSucceededCount", succeeded);
        body.put("devicesCanceledCount", canceled);
    }

    private static Map<String, String> updateId(FakeAduDeployment d) {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("provider", d.updateId().provider());
        id.put("name", d.updateId().name());
        id.put("version", d.updateId().version());
        return id;
    }

    private static void flag(Map<String, Object> body, String name, boolean value, boolean omitFalse) {
        if (value || !omitFalse) {
            body.put(name, value);
        }
    }
}
