package dev.fleetdeploy.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The success bodies of the Fleet deployments API, shaped as in Datadog's OpenAPI spec (docs/datadog-fleet-api.md,
 * "Cancel" and "Get one deployment"): {@code {"data":{"id","type":"deployment","attributes":{...}}}}.
 */
final class DatadogBodies {
    static final String CANCEL_MESSAGE = "Cancellation has been requested; the deployment is stopping.";

    private DatadogBodies() {}

    /** v2 cancel: 200 with the new status and Datadog's words. */
    static String v2Cancel(String id, String status, String message) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("message", message);
        attributes.put("status", status);
        return resource(id, attributes, null);
    }

    /** Why a cancel is refused: the words Datadog's 4xx carries. */
    static String refusal(String id, String status) {
        return "Deployment " + id + " cannot be canceled: its status is " + status;
    }

    /** Datadog's documented error body: {@code {"errors":["..."]}}. */
    static String errors(String... messages) {
        return Json.write(Map.of("errors", messages));
    }

    /** How both the v2 get and a list item start: who made it and how, and the times the fake leaves at zero. */
    private static Map<String, Object> madeBy(FakeDeploymentInfo info) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("author", info.author());
        if (info.configOperations() != null) {
            attributes.put("config_operations", info.configOperations());
        }
        attributes.put("duration_seconds", 0);
        attributes.put("error_summary", "");
        attributes.put("estimated_finished_at", 0);
        return attributes;
    }

    /** v2 get: the host counts come ready-made; every host is listed. */
    static String v2Get(FakeDeployment deployment) {
        FakeDeploymentInfo info = deployment.info();
        Map<String, Object> attributes = madeBy(info);
        attributes.put("high_level_status", deployment.status());
        attributes.put("query", info.query());
        attributes.put("target_versions", info.targetVersions());
        attributes.put("update_type", info.updateType());
        attributes.put("total_hosts", deployment.hosts().size());
        for (String state : List.of("succeeded", "failed", "running", "canceled", "skipped")) {
            attributes.put(state + "_hosts", deployment.hostsIn(state));
        }
        attributes.put(
                "hosts", deployment.hosts().stream().map(DatadogBodies::host).toList());
        return resource(deployment.id(), attributes, null);
    }

    /** unstable get: one page of hosts, and {@code meta.hosts} to page through the rest. */
    static String unstableGet(FakeDeployment deployment, int limit, int page) {
        List<FakeHost> all = deployment.hosts();
        int from = Math.min(all.size(), page * limit);
        int to = Math.min(all.size(), from + limit);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("config_operations", List.of());
        attributes.put("filter_query", "env:it");
        attributes.put("high_level_status", deployment.status());
        attributes.put(
                "hosts", all.subList(from, to).stream().map(DatadogBodies::host).toList());
        attributes.put("total_hosts", all.size());
        Map<String, Object> hostsPage = new LinkedHashMap<>();
        hostsPage.put("current_page", page);
        hostsPage.put("page_size", limit);
        hostsPage.put("total_hosts", all.size());
        hostsPage.put("total_pages", (all.size() + limit - 1) / limit);
        return resource(deployment.id(), attributes, Map.of("hosts", hostsPage));
    }

    private static Map<String, Object> host(FakeHost host) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("hostname", host.hostname());
        node.put("status", host.status());
        if (host.error() != null) {
            node.put("error", host.error());
        }
        List<Map<String, String>> versions = new ArrayList<>();
        for (FakeHostPackage p : host.packages()) {
            Map<String, String> version = new LinkedHashMap<>();
            if (p.currentVersion() != null) {
                version.put("current_version", p.currentVersion());
            }
            version.put("package_name", p.name());
            version.put("target_version", p.targetVersion());
            versions.add(version);
        }
        node.put("versions", versions);
        return node;
    }

    /**
     * A deployment as the list and a create answer show it ({@code FleetDeploymentV2}): its status, how it was made,
     * no hosts.
     */
    static Map<String, Object> item(FakeDeployment deployment) {
        FakeDeploymentInfo info = deployment.info();
        Map<String, Object> attributes = madeBy(info);
        attributes.put("finished_at", 0);
        attributes.put("is_scheduled", false);
        attributes.put("query", info.query());
        attributes.put("schedule_id", "");
        attributes.put("started_at", info.startedAt());
        attributes.put("status", deployment.status());
        attributes.put("target_versions", info.targetVersions());
        attributes.put("total_hosts", deployment.hosts().size());
        attributes.put("update_type", info.updateType());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attributes", attributes);
        data.put("id", deployment.id());
        data.put("type", "deployment");
        return data;
    }

    /** 201 to a create: the new deployment, pending. */
    static String created(FakeDeployment deployment) {
        return Json.write(Map.of("data", item(deployment)));
    }

    /** 200 to a configure with {@code dry_run}: what it would reach; the id is always "dry-run". */
    static String dryRun(String query, int totalHosts) {
        Map<String, Object> dryRun = new LinkedHashMap<>();
        dryRun.put("config_validated", true);
        dryRun.put("non_upgradable_hosts", 0);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("dry_run", dryRun);
        attributes.put("query", query);
        attributes.put("total_hosts", totalHosts);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attributes", attributes);
        data.put("id", "dry-run");
        data.put("type", "deployment");
        return Json.write(Map.of("data", data));
    }

    /** One page of the list, with the totals of every page. */
    static String list(List<FakeDeployment> page, int totalCount, int filteredCount) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total_count", totalCount);
        counts.put("total_filtered_count", filteredCount);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", page.stream().map(DatadogBodies::item).toList());
        root.put("meta", Map.of("page", counts));
        return Json.write(root);
    }

    private static String resource(String id, Map<String, Object> attributes, Map<String, Object> meta) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("type", "deployment");
        data.put("attributes", attributes);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", data);
        if (meta != null) {
            root.put("meta", meta);
        }
        return Json.write(root);
    }
}
