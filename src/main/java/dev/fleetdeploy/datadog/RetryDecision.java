package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.WireText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a Datadog retry sends, decided from the finished deployment's GET alone: a new deployment with the same
 * operation, aimed at exactly the hosts where it failed (docs/datadog-fleet-api.md, "Rebuilding a deployment from its
 * GET"). Every doubt refuses, before anything is created: a deployment not finished, a host list that does not add up,
 * an update type, package list or host name the plugin cannot carry over faithfully.
 */
final class RetryDecision {
    /** States of a deployment that will not change any more, as the docs and the spec's examples name them. */
    static final Set<String> FINISHED =
            Set.of("completed", "succeeded", "failed", "done_with_errors", "canceled", "cancelled", "stopped");

    static final String CONFIGURE = "update_config_operations";
    static final String UPGRADE = "update_package";

    /** What to do. */
    sealed interface Decision {
        /** Nothing can be retried faithfully: why, and what settles it. */
        record Refused(String problem, String hint) implements Decision {}

        /** The deployment has no failed host: there is nothing to retry. */
        record NothingToRetry(String state) implements Decision {}

        /**
         * A new deployment to create.
         *
         * @param upgrade the upgrade call (else configure)
         * @param query its filter query
         * @param hosts how many hosts it aims at: the failed ones
         * @param body the create's body
         * @param dryRunBody the same with {@code dry_run}, to check first (configure only); null for an upgrade
         * @param what what it carries over, for the log: "its 2 configuration operations", "datadog-agent@7.52.0"
         */
        record Create(boolean upgrade, String query, int hosts, String body, String dryRunBody, String what)
                implements Decision {}
    }

    private RetryDecision() {}

    /** @param configured {@code targetPackages}, or empty */
    static Decision decide(DeploymentDetail d, List<TargetPackage> configured) {
        String state = d.state();
        if (state == null) {
            return new Decision.Refused(
                    "its state is unknown (the answer has no high_level_status)",
                    "Check it with the deployment-status goal; only a finished deployment is retried.");
        }
        String lower = state.toLowerCase(Locale.ROOT);
        if (!FINISHED.contains(lower)) {
            return DatadogStatusReader.isFinal(state)
                    ? new Decision.Refused(
                            "its state '" + WireText.clean(state) + "' is not one the plugin knows as finished ("
                                    + String.join(", ", new TreeSet<>(FINISHED)) + ")",
                            "Check it in Datadog; only a finished deployment is retried.")
                    : new Decision.Refused(
                            "it is still '" + WireText.clean(state) + "': only a finished deployment is retried",
                            "Wait for it to finish (deployment-status with wait), or cancel it first"
                                    + " (cancel-deployment), then retry.");
        }
        Long running = d.counts().get("running");
        if (running != null && running > 0) {
            return new Decision.Refused(
                    "it is '" + WireText.clean(state) + "' but " + running + " of its hosts are still running",
                    "Wait for them to finish (deployment-status with wait), then retry.");
        }
        Long failedCount = d.failedCount();
        if (failedCount == null) {
            return new Decision.Refused(
                    "the answer has no failed_hosts count to check its host list against",
                    "Check the deployment in Datadog; a partial host list must not become a partial retry.");
        }
        if (failedCount != d.failedListed()) {
            return new Decision.Refused(
                    "its host list shows " + d.failedListed() + " failed host" + (d.failedListed() == 1 ? "" : "s")
                            + " but failed_hosts says " + failedCount,
                    "A partial host list must not become a partial retry: check the deployment in Datadog, and retry"
                            + " when the two agree.");
        }
        if (failedCount == 0) {
            return new Decision.NothingToRetry(state);
        }
        if (!d.everyFailedHostKept()) {
            return new Decision.Refused(
                    "it has " + failedCount + " failed hosts, more than one retry aims at (at most about "
                            + RetryQuery.MAX_LENGTH / 14 + ", as many as fit in a filter query of "
                            + RetryQuery.MAX_LENGTH + " characters)",
                    "Retry them from Datadog's Fleet Automation page, in groups.");
        }
        String type = d.updateType();
        boolean upgrade;
        if (CONFIGURE.equals(type)) {
            upgrade = false;
        } else if (UPGRADE.equals(type)) {
            upgrade = true;
        } else {
            return new Decision.Refused(
                    type == null
                            ? "the answer has no update_type, so the plugin cannot tell which deployment to create"
                            : "its update_type is '" + WireText.clean(type) + "', which the plugin cannot retry"
                                    + " (only update_config_operations and update_package)",
                    "Retry it from Datadog's Fleet Automation page.");
        }
        if (!upgrade && (d.configOperations() == null || d.configOperations().equals("[]"))) {
            return new Decision.Refused(
                    d.configOperationsTooLarge()
                            ? "its config_operations are larger than the plugin carries over"
                            : "the answer has no config_operations to apply again",
                    "Retry it from Datadog's Fleet Automation page.");
        }
        Packages packages = packages(d, upgrade, configured);
        if (packages.problem() != null) {
            return new Decision.Refused(packages.problem(), packages.hint());
        }
        RetryQuery.Built query = RetryQuery.of(d.failedHosts());
        if (query.problem() != null) {
            return new Decision.Refused(query.problem(), "Retry these hosts from Datadog's Fleet Automation page.");
        }
        int hosts = d.failedHosts().size();
        String body = body(upgrade, query.query(), d.configOperations(), packages.list(), false);
        String dryRunBody = upgrade ? null : body(false, query.query(), d.configOperations(), packages.list(), true);
        String named = packages.list().stream().map(TargetPackage::toString).collect(Collectors.joining(", "));
        String what = upgrade
                ? named
                : "its configuration operations" + (packages.list().isEmpty() ? "" : " with " + named);
        return new Decision.Create(upgrade, query.query(), hosts, body, dryRunBody, what);
    }

    /** The packages the new deployment installs, or why they cannot be told. */
    private record Packages(List<TargetPackage> list, String problem, String hint) {
        static Packages of(List<TargetPackage> list) {
            return new Packages(list, null, null);
        }

        static Packages refused(String problem) {
            return new Packages(
                    List.of(),
                    problem,
                    "Set targetPackages (name@version, several separated by commas) to the packages the deployment"
                            + " installed.");
        }
    }

    private static Packages packages(DeploymentDetail d, boolean upgrade, List<TargetPackage> configured) {
        Set<String> targeted = new LinkedHashSet<>(d.targetVersions());
        if (!upgrade && targeted.isEmpty()) {
            if (!configured.isEmpty()) {
                return new Packages(
                        List.of(),
                        "targetPackages is set, but the deployment installed no package (its target_versions is"
                                + " empty)",
                        "Remove targetPackages: a retry installs what the deployment did.");
            }
            return Packages.of(List.of());
        }
        if (!configured.isEmpty()) {
            Set<String> versions =
                    configured.stream().map(TargetPackage::version).collect(Collectors.toSet());
            if (!targeted.isEmpty() && !versions.equals(targeted)) {
                return new Packages(
                        List.of(),
                        "targetPackages names the versions " + String.join(", ", new TreeSet<>(versions))
                                + ", but the deployment targeted " + WireText.clean(String.join(", ", targeted)),
                        "Name the packages with the versions the deployment targeted: a retry installs what the"
                                + " deployment did.");
            }
            return Packages.of(configured);
        }
        // Inferred: every failed host must name the same packages, and they must be the versions targeted.
        Set<String> first = null;
        List<TargetPackage> inferred = new ArrayList<>();
        for (FailedHost host : d.failedHosts()) {
            Set<String> own = new TreeSet<>();
            host.packages().forEach(p -> own.add(p.target()));
            if (first == null) {
                first = own;
                host.packages().forEach(p -> inferred.add(new TargetPackage(p.name(), p.targetVersion())));
            } else if (!first.equals(own)) {
                return Packages.refused("its failed hosts do not agree on the packages to install: '"
                        + WireText.clean(d.failedHosts().get(0).hostname()) + "' names "
                        + describe(first) + ", '" + WireText.clean(host.hostname()) + "' names " + describe(own)
                        + " (the deployment's GET gives package versions only per host)");
            }
        }
        if (first == null || first.isEmpty()) {
            return Packages.refused(
                    "its failed hosts name no package to install (the deployment's GET gives package names only per"
                            + " host), and its target_versions are " + WireText.clean(String.join(", ", targeted)));
        }
        Set<String> versions = inferred.stream().map(TargetPackage::version).collect(Collectors.toSet());
        if (!targeted.isEmpty() && !versions.equals(targeted)) {
            return Packages.refused("its failed hosts name " + describe(first) + ", but the deployment targeted the"
                    + " versions " + WireText.clean(String.join(", ", targeted)));
        }
        return Packages.of(List.copyOf(inferred));
    }

    private static String describe(Set<String> packages) {
        return packages.isEmpty() ? "no package" : WireText.clean(String.join(", ", packages));
    }

    /**
     * The create's body: {@code {"data":{"type":"deployment","attributes":{...}}}}, in ASCII, the configuration
     * operations exactly as the GET gave them.
     */
    static String body(
            boolean upgrade, String query, String configOperations, List<TargetPackage> packages, boolean dryRun) {
        return DatadogJson.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            json.writeStringField("type", "deployment");
            json.writeObjectFieldStart("attributes");
            json.writeStringField("filter_query", query);
            if (!upgrade) {
                json.writeFieldName("config_operations");
                json.writeRawValue(configOperations);
            }
            if (upgrade || !packages.isEmpty()) {
                json.writeArrayFieldStart("target_packages");
                for (TargetPackage p : packages) {
                    json.writeStartObject();
                    json.writeStringField("name", p.name());
                    json.writeStringField("version", p.version());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (dryRun) {
                json.writeBooleanField("dry_run", true);
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
    }
}
