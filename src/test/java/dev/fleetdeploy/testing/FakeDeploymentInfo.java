package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Map;

/**
 * How a fake Datadog deployment was made, as its GET, the list and a create answer show it.
 *
 * @param author who started it ({@code author})
 * @param query the host filter it was created with ({@code query})
 * @param updateType {@code update_config_operations} or {@code update_package} (or any text a test wants)
 * @param configOperations {@code config_operations} as JSON values (lists and maps), or null to leave it out
 * @param targetVersions {@code target_versions}
 * @param startedAt {@code started_at}, Unix seconds; 0 until the fake stamps it when the deployment is added
 */
public record FakeDeploymentInfo(
        String author,
        String query,
        String updateType,
        List<Map<String, Object>> configOperations,
        List<String> targetVersions,
        long startedAt) {

    /** What a deployment gets unless the test says otherwise: a package upgrade to 7.52.0 of env:it, by it@example.com. */
    public static final FakeDeploymentInfo DEFAULT =
            new FakeDeploymentInfo("it@example.com", "env:it", "update_package", List.of(), List.of("7.52.0"), 0);

    public FakeDeploymentInfo {
        configOperations = configOperations == null ? null : List.copyOf(configOperations);
        targetVersions = List.copyOf(targetVersions);
    }

    /** One merge-patch of /datadog.yaml, as in the spec's example. */
    public static List<Map<String, Object>> mergePatch(Map<String, Object> patch) {
        Map<String, Object> operation = new java.util.LinkedHashMap<>();
        operation.put("file_op", "merge-patch");
        operation.put("file_path", "/datadog.yaml");
        operation.put("patch", patch);
        return List.of(operation);
    }

    public FakeDeploymentInfo withAuthor(String value) {
        return new FakeDeploymentInfo(value, query, updateType, configOperations, targetVersions, startedAt);
    }

    public FakeDeploymentInfo withQuery(String value) {
        return new FakeDeploymentInfo(author, value, updateType, configOperations, targetVersions, startedAt);
    }

    public FakeDeploymentInfo withStartedAt(long value) {
        return new FakeDeploymentInfo(author, query, updateType, configOperations, targetVersions, value);
    }

    /** A configuration deployment with these operations and these target versions. */
    public FakeDeploymentInfo configuring(List<Map<String, Object>> operations, List<String> versions) {
        return new FakeDeploymentInfo(author, query, "update_config_operations", operations, versions, startedAt);
    }

    /** A package deployment to these versions (no configuration operations). */
    public FakeDeploymentInfo upgrading(List<String> versions) {
        return new FakeDeploymentInfo(author, query, "update_package", null, versions, startedAt);
    }

    /** Any update type, as is. */
    public FakeDeploymentInfo withUpdateType(String value) {
        return new FakeDeploymentInfo(author, query, value, configOperations, targetVersions, startedAt);
    }
}
