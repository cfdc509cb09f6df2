package dev.fleetdeploy.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the fake makes of {@code POST /api/v2/fleet/deployments/configure} and {@code .../upgrade}, checked as the spec
 * describes them (docs/datadog-fleet-api.md, "Create: configure and upgrade"): the body's required fields, a filter
 * query that must match at least one known host, {@code dry_run} (configure only), and the 409 of an upgrade while
 * another runs on one of its hosts. The fake understands one filter form only, the one the docs show for hosts:
 * {@code hostname:a OR hostname:b}; anything else is refused with a 400 that says so.
 */
final class FleetCreation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TERM = Pattern.compile("hostname:([A-Za-z0-9][A-Za-z0-9._-]*)");

    /** What a create came to. */
    sealed interface Outcome {
        record Created(FakeDeployment deployment) implements Outcome {}

        record DryRun(String query, int totalHosts) implements Outcome {}

        record Refused(int code, String message) implements Outcome {}
    }

    private FleetCreation() {}

    /**
     * @param upgrade the upgrade call (else configure)
     * @param author who the keys belong to, as a created deployment's {@code author}
     * @param id the id a real create gives the new deployment
     * @param now {@code started_at} of a new deployment, Unix seconds
     */
    static Outcome apply(boolean upgrade, String body, FleetState state, String author, String id, long now) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return refused("The request body is not valid JSON.");
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null
                || !data.isObject()
                || !"deployment".equals(data.path("type").asText())) {
            return refused("data with type 'deployment' is required.");
        }
        JsonNode attributes = data.path("attributes");
        String query = attributes.path("filter_query").asText("");
        if (query.isBlank()) {
            return refused("filter_query is required.");
        }
        boolean dryRun = attributes.path("dry_run").asBoolean(false);
        if (upgrade && attributes.has("dry_run")) {
            return refused("dry_run is not an attribute of an upgrade.");
        }
        List<String> versions = new ArrayList<>();
        JsonNode packages = attributes.path("target_packages");
        if (upgrade && (!packages.isArray() || packages.isEmpty())) {
            return refused("target_packages is required.");
        }
        for (JsonNode item : packages) {
            if (item.path("name").asText("").isBlank()
                    || item.path("version").asText("").isBlank()) {
                return refused("Every target package needs a name and a version.");
            }
            versions.add(item.path("version").asText());
        }
        List<Map<String, Object>> operations = null;
        if (!upgrade) {
            JsonNode ops = attributes.path("config_operations");
            if (!ops.isArray() || ops.isEmpty()) {
                return refused("config_operations is required.");
            }
            for (JsonNode op : ops) {
                String fileOp = op.path("file_op").asText("");
                if (!fileOp.equals("merge-patch") && !fileOp.equals("delete")
                        || op.path("file_path").asText("").isBlank()) {
                    return refused(
                            "Every configuration operation needs file_op (merge-patch or delete) and" + " file_path.");
                }
            }
            operations = JSON.convertValue(ops, List.class);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String term : query.split(" OR ", -1)) {
            var match = TERM.matcher(term);
            if (!match.matches()) {
                return refused("The fake understands only filter queries of the form 'hostname:a OR hostname:b';"
                        + " got '" + query + "'.");
            }
            names.add(match.group(1));
        }
        List<String> matched =
                state.knownHosts().stream().filter(names::contains).toList();
        if (matched.isEmpty()) {
            return refused("The filter query does not match any host eligible for the deployment.");
        }
        if (upgrade && state.upgradeRunningOn(matched)) {
            return new Outcome.Refused(409, "A conflicting upgrade is already running on one or more target hosts.");
        }
        if (dryRun) {
            return new Outcome.DryRun(query, matched.size());
        }
        List<FakeHost> hosts = matched.stream()
                .map(name -> new FakeHost(name, "pending", null, hostPackages(packages)))
                .toList();
        FakeDeploymentInfo info = new FakeDeploymentInfo(
                author, query, upgrade ? "update_package" : "update_config_operations", operations, versions, now);
        return new Outcome.Created(FakeDeployment.of(id, "pending", hosts).withInfo(info));
    }

    private static List<FakeHostPackage> hostPackages(JsonNode packages) {
        if (!packages.isArray() || packages.isEmpty()) {
            return List.of(FakeHostPackage.AGENT);
        }
        List<FakeHostPackage> list = new ArrayList<>();
        for (JsonNode item : packages) {
            list.add(FakeHostPackage.of(
                    item.path("name").asText(), null, item.path("version").asText()));
        }
        return list;
    }

    private static Outcome refused(String message) {
        return new Outcome.Refused(400, message);
    }
}
