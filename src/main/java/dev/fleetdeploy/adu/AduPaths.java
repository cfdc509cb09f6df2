package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.Operation;
import okhttp3.HttpUrl;

/**
 * The URLs of each API generation (docs/azure-device-update-api.md, "Three generations"). The instance goes in as it
 * is (the specs do not encode it, and {@link AduNames} allows only safe characters); groups, device classes and ids
 * are each one percent-encoded path segment, so none of them can change the path ("Host name and path segments").
 */
final class AduPaths {
    /** Stands in for each subgroup's id in a dry run's URLs, as the API's own reference writes path parameters. */
    static final String SUBGROUP_PLACEHOLDER = "{deviceClassId}";

    private final AduConfig config;

    AduPaths(AduConfig config) {
        this.config = config;
    }

    /** Cancel or retry: the deployment (v2, 2021-06-01-preview) or one of its subgroups (GA). */
    HttpUrl action(Operation operation, DeploymentPart part) {
        String action = wireAction(operation);
        return switch (config.version().generation()) {
            case V2 -> v2(part.id()).addQueryParameter("action", action).build();
            case GROUP_ACTION ->
                versioned(groupDeployment("deviceupdate", part.id()).addQueryParameter("action", action));
            case SUBGROUP_ACTION ->
                versioned(
                        subgroupPrefix(part.subgroup()).addPathSegment(part.id().value() + ":" + action));
        };
    }

    /**
     * As {@link #action}, for every subgroup of a GA deployment at once, as a dry run shows it: "{deviceClassId}"
     * stands for the id of each subgroup the deployment will list.
     */
    String everySubgroupAction(Operation operation, DeploymentId id) {
        HttpUrl subgroups = subgroups().build();
        HttpUrl rest = versioned(config.baseUrl()
                .newBuilder()
                .addPathSegment("deployments")
                .addPathSegment(id.value() + ":" + wireAction(operation)));
        return subgroups + "/" + SUBGROUP_PLACEHOLDER + rest.encodedPath() + "?" + rest.encodedQuery();
    }

    /** The action's name on the wire ("cancel", "retry"), whatever the log calls it. */
    private static String wireAction(Operation operation) {
        return switch (operation) {
            case CANCEL -> "cancel";
            case RETRY -> "retry";
            case STATUS -> throw new IllegalArgumentException("a status read is no action");
        };
    }

    /** The group-level deployment, which lists its subgroups (GA). */
    HttpUrl deployment(DeploymentId id) {
        return versioned(groupDeployment("deviceUpdate", id));
    }

    /** The deployment (or, GA, the one subgroup's deployment) with its isCanceled and isRetried flags. */
    HttpUrl deployment(DeploymentPart part) {
        return switch (config.version().generation()) {
            case V2 -> v2(part.id()).build();
            case GROUP_ACTION -> versioned(groupDeployment("deviceupdate", part.id()));
            case SUBGROUP_ACTION ->
                part.isWhole()
                        ? deployment(part.id())
                        : versioned(subgroupPrefix(part.subgroup())
                                .addPathSegment(part.id().value()));
        };
    }

    /** The status of the deployment, or of one subgroup of it (GA). */
    HttpUrl status(DeploymentPart part) {
        return switch (config.version().generation()) {
            case V2 -> v2(part.id()).addPathSegment("status").build();
            case GROUP_ACTION ->
                versioned(groupDeployment("deviceupdate", part.id()).addPathSegment("status"));
            case SUBGROUP_ACTION ->
                versioned(
                        part.isWhole()
                                ? groupDeployment("deviceUpdate", part.id()).addPathSegment("status")
                                : subgroupPrefix(part.subgroup())
                                        .addPathSegment(part.id().value())
                                        .addPathSegment("status"));
        };
    }

    /** v2: every deployment of the instance, {@code GET .../v2/management/deployments} (paged by nextLink). */
    HttpUrl v2Deployments() {
        return root("deviceupdate").addPathSegments("v2/management/deployments").build();
    }

    /** 2021-06-01-preview: the group, which names its deployment ({@code GET .../groups/{groupId}}). */
    HttpUrl previewGroup() {
        return versioned(group("deviceupdate"));
    }

    /** GA: the group's device-class subgroups, each naming its active deployment (paged by nextLink). */
    HttpUrl subgroupList() {
        return versioned(subgroups());
    }

    /** GA: the group's deployments, newest first ({@code orderby=startDateTime desc}). */
    HttpUrl groupDeploymentsNewestFirst() {
        return versioned(
                group("deviceUpdate").addPathSegment("deployments").addQueryParameter("orderby", "startDateTime desc"));
    }

    private HttpUrl.Builder v2(DeploymentId id) {
        return root("deviceupdate").addPathSegments("v2/management/deployments").addPathSegment(id.value());
    }

    /** The 2021 preview spells the root "deviceupdate", GA "deviceUpdate", as their specs do. */
    private HttpUrl.Builder groupDeployment(String rootSegment, DeploymentId id) {
        return group(rootSegment).addPathSegment("deployments").addPathSegment(id.value());
    }

    private HttpUrl.Builder subgroupPrefix(String deviceClassId) {
        return subgroups().addPathSegment(deviceClassId).addPathSegment("deployments");
    }

    private HttpUrl.Builder subgroups() {
        return group("deviceUpdate").addPathSegment("deviceClassSubgroups");
    }

    private HttpUrl.Builder group(String rootSegment) {
        return root(rootSegment)
                .addPathSegment("management")
                .addPathSegment("groups")
                .addPathSegment(config.groupId());
    }

    private HttpUrl.Builder root(String rootSegment) {
        return config.baseUrl().newBuilder().addPathSegment(rootSegment).addPathSegment(config.instance());
    }

    private HttpUrl versioned(HttpUrl.Builder url) {
        return url.addQueryParameter("api-version", config.version().version()).build();
    }
}
