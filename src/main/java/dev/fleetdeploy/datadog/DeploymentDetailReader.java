package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fleetdeploy.core.WireText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the v2 {@code GET /api/v2/fleet/deployments/{id}} answer as a stream of tokens: its {@code hosts[]} lists every
 * host, with no paging, so a deployment of 50,000 hosts is a body of several megabytes. One pass, in time linear in the
 * body and in memory that does not grow with the number of hosts: hosts are counted as they pass, and only failed ones
 * are kept (the first {@link #FAILED_HOSTS_KEPT}), their repeated texts shared. Fields may come in any order (the
 * spec's example puts the counts after {@code hosts[]}); as in a tree, a field given twice counts with its last value.
 * docs/datadog-fleet-api.md, "Get one deployment (status)".
 */
final class DeploymentDetailReader {
    /**
     * Failed hosts kept at most: more than a retry can name in one filter query ({@link RetryQuery#MAX_LENGTH}), and
     * far more than a status shows.
     */
    static final int FAILED_HOSTS_KEPT = 1_000;
    /** Distinct target versions kept at most. */
    static final int MAX_TARGET_VERSIONS = 100;
    /** Packages kept per failed host at most. */
    static final int MAX_PACKAGES_PER_HOST = 20;
    /** The longest {@code config_operations} kept, as JSON text (a retry sends them back as they are). */
    static final int MAX_CONFIG_OPERATIONS_CHARS = 1_000_000;
    /** The longest host name kept whole; a longer one is cut (and no retry can aim at it). */
    static final int MAX_HOSTNAME_CHARS = 1_000;
    /** Distinct texts shared between failed hosts at most (errors and package lists repeat across a fleet). */
    private static final int SHARED_MAX = 4_096;

    private static final List<String> COUNTED = List.of("succeeded", "failed", "running", "canceled", "skipped");

    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private Long totalHosts;
    private String configOperations;
    private boolean configOperationsTooLarge;
    private List<String> targetVersions = List.of();
    private long hostsListed;
    private long failedListed;
    private List<FailedHost> failedHosts = new ArrayList<>();

    private DeploymentDetailReader() {}

    /** The deployment the body describes, or why the body is not the JSON Datadog sends. */
    static JsonRead<DeploymentDetail> read(InputStream body) throws IOException {
        DeploymentDetailReader reader = new DeploymentDetailReader();
        try (JsonParser parser = DatadogJson.FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return JsonRead.unreadable(first == null ? "the body is empty" : "the body is not a JSON object");
            }
            reader.object(parser, 0);
            if (parser.nextToken() != null) {
                return JsonRead.unreadable("the body goes on after its JSON object");
            }
        } catch (JsonProcessingException e) {
            return JsonRead.unreadable("the body is not valid JSON (" + WireText.clean(e.getOriginalMessage()) + ")");
        }
        return JsonRead.of(reader.detail());
    }

    private DeploymentDetail detail() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String name : COUNTED) {
            if (counts.containsKey(name)) {
                ordered.put(name, counts.get(name));
            }
        }
        String state = texts.get("high_level_status") != null ? texts.get("high_level_status") : texts.get("status");
        return new DeploymentDetail(
                state,
                ordered,
                totalHosts,
                texts.get("error_summary"),
                texts.get("update_type"),
                texts.get("query"),
                texts.get("author"),
                configOperations,
                configOperationsTooLarge,
                targetVersions,
                hostsListed,
                failedListed,
                failedHosts);
    }

    /** Walks the object the parser is at: depth 0 is the root, 1 {@code data}, 2 {@code attributes}. */
    private void object(JsonParser parser, int depth) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean nested = depth == 0 && name.equals("data") || depth == 1 && name.equals("attributes");
            if (nested && value == JsonToken.START_OBJECT) {
                object(parser, depth + 1);
            } else if (depth == 2) {
                attribute(parser, name, value);
            } else {
                parser.skipChildren();
            }
        }
    }

    private void attribute(JsonParser parser, String name, JsonToken value) throws IOException {
        switch (name) {
            case "high_level_status", "status", "error_summary", "update_type", "query", "author" ->
                texts.put(name, DatadogJson.text(parser));
            case "total_hosts" -> totalHosts = DatadogJson.count(parser);
            case "config_operations" -> {
                configOperations = null;
                configOperationsTooLarge = false;
                if (value == JsonToken.START_ARRAY) {
                    configOperations = DatadogJson.copy(parser, MAX_CONFIG_OPERATIONS_CHARS);
                    configOperationsTooLarge = configOperations == null;
                } else {
                    parser.skipChildren();
                }
            }
            case "target_versions" -> targetVersions = strings(parser, value);
            case "hosts" -> hosts(parser, value);
            default -> {
                if (name.endsWith("_hosts") && COUNTED.contains(name.substring(0, name.length() - 6))) {
                    String state = name.substring(0, name.length() - 6);
                    Long count = DatadogJson.count(parser);
                    if (count == null) {
                        counts.remove(state);
                    } else {
                        counts.put(state, count);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private List<String> strings(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String text = DatadogJson.text(parser);
            if (text != null && list.size() < MAX_TARGET_VERSIONS) {
                list.add(share(text));
            }
        }
        return list;
    }

    private void hosts(JsonParser parser, JsonToken value) throws IOException {
        hostsListed = 0;
        failedListed = 0;
        failedHosts = new ArrayList<>();
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            hostsListed++;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            host(parser);
        }
    }

    /** One {@code hosts[]} item: counted, and kept when it failed. */
    private void host(JsonParser parser) throws IOException {
        String hostname = null;
        String status = null;
        String error = null;
        List<HostPackage> packages = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "hostname" -> hostname = DatadogJson.text(parser);
                case "status" -> status = DatadogJson.text(parser);
                case "error" -> error = DatadogJson.text(parser);
                // Keys come in alphabetical order in Datadog's answers, status before versions: a host that did not
                // fail needs none of its packages read.
                case "versions" ->
                    packages = status != null && !failed(status) ? skip(parser) : packages(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (status == null || !failed(status)) {
            return;
        }
        failedListed++;
        if (failedHosts.size() < FAILED_HOSTS_KEPT) {
            String name = hostname == null || hostname.length() <= MAX_HOSTNAME_CHARS
                    ? hostname
                    : hostname.substring(0, MAX_HOSTNAME_CHARS);
            List<HostPackage> kept = new ArrayList<>(packages.size());
            for (HostPackage p : packages) {
                kept.add(share(new HostPackage(
                        share(p.name()),
                        share(p.targetVersion()),
                        p.currentVersion() == null ? null : share(p.currentVersion()))));
            }
            failedHosts.add(new FailedHost(
                    name, error == null ? null : share(WireText.clean(error)), share(List.copyOf(kept))));
        }
    }

    private static boolean failed(String status) {
        return status.toLowerCase(Locale.ROOT).equals("failed");
    }

    private static List<HostPackage> skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return List.of();
    }

    /** The packages of one host that name a package and a target version. */
    private List<HostPackage> packages(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<HostPackage> packages = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String packageName = null;
            String target = null;
            String current = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "package_name" -> packageName = DatadogJson.text(parser);
                    case "target_version" -> target = DatadogJson.text(parser);
                    case "current_version" -> current = DatadogJson.text(parser);
                    default -> parser.skipChildren();
                }
            }
            if (packageName != null && target != null && packages.size() < MAX_PACKAGES_PER_HOST) {
                packages.add(
                        new HostPackage(share(packageName), share(target), current == null ? null : share(current)));
            }
        }
        return share(List.copyOf(packages));
    }

    /** One copy of each repeated value, so that a thousand hosts with the same error hold it once. */
    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        Object known = shared.get(value);
        if (known != null) {
            return (T) known;
        }
        if (shared.size() < SHARED_MAX) {
            shared.put(value, value);
        }
        return value;
    }
}
