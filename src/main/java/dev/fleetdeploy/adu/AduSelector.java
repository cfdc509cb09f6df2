package dev.fleetdeploy.adu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeploy.core.ActiveSelection;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Refusal;
import dev.fleetdeploy.core.WireText;
import dev.fleetdeploy.http.ApiBaseUrl;
import dev.fleetdeploy.http.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * {@code select=active} on Azure Device Update: the deployments active in the group (and in {@code deviceClassId} when
 * set), read as each API generation allows (docs/azure-device-update-api.md, "Listing deployments and finding the
 * active one"). What lists and groups say is only a candidate: every one is confirmed by its status, and a state the
 * plugin cannot read as active or not refuses the selection rather than guess.
 *
 * <ul>
 *   <li>GA: the group's subgroups name their active deployment; a subgroup that names none is looked up in the status
 *       of the group's newest deployment; each candidate's subgroup status must say {@code Active}.
 *   <li>2021-06-01-preview: the group names its deployment; its status must say {@code Active}.
 *   <li>v2: every deployment of the instance is listed; those whose group definition names the group and that are not
 *       canceled are confirmed by their status ({@code Active}; {@code Superseded} and {@code Canceled} are not).
 * </ul>
 */
final class AduSelector {
    /** List pages followed at most (nextLink). */
    static final int MAX_PAGES = 100;
    /** Candidates confirmed by a status read at most. */
    static final int MAX_CANDIDATES = 100;

    private final AduProvider provider;
    private final AduConfig config;
    private final AduPaths paths;
    private int attempts;

    AduSelector(AduProvider provider, AduConfig config, AduPaths paths) {
        this.provider = provider;
        this.config = config;
        this.paths = paths;
    }

    ActiveSelection select(Operation operation) throws OperationFailure {
        String group = config.selectionGroupId();
        String narrowing = "group '" + group + "'"
                + (config.deviceClassId() == null ? "" : ", device class '" + config.deviceClassId() + "'");
        try {
            List<ActiveSelection.Match> matches = switch (config.version().generation()) {
                case SUBGROUP_ACTION -> ga(operation);
                case GROUP_ACTION -> preview(operation, group);
                case V2 -> v2(operation, group);
            };
            return new ActiveSelection(narrowing, matches, attempts);
        } catch (OperationFailure failure) {
            throw failure.withAttempts(attempts + failure.attempts());
        }
    }

    // ---- GA ---------------------------------------------------------------------------------------------------------

    private List<ActiveSelection.Match> ga(Operation operation) throws OperationFailure {
        Map<String, String> named = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        for (JsonNode subgroup : pages(paths.subgroupList(), operation)) {
            String deviceClass = text(subgroup, "deviceClassId");
            if (deviceClass == null
                    || config.deviceClassId() != null && !config.deviceClassId().equals(deviceClass)) {
                continue;
            }
            String deployment = text(subgroup, "deploymentId");
            if (deployment == null) {
                unnamed.add(deviceClass);
            } else {
                named.put(deviceClass, deployment);
            }
        }
        List<ActiveSelection.Match> matches = new ArrayList<>();
        if (named.size() > MAX_CANDIDATES) {
            throw tooMany(operation, named.size());
        }
        for (Map.Entry<String, String> entry : named.entrySet()) {
            DeploymentId id = id(entry.getValue(), operation);
            String deviceClass = subgroup(entry.getKey(), operation);
            Optional<String> state = state(paths.status(DeploymentPart.subgroup(id, deviceClass)), operation);
            if (state.isPresent() && active(state.get(), id, operation)) {
                matches.add(new ActiveSelection.Match(
                        DeploymentPart.subgroup(id, deviceClass),
                        WireText.clean(state.get()) + ", named by its subgroup"));
            }
        }
        if (!unnamed.isEmpty()) {
            matches.addAll(newestCovering(operation, unnamed));
        }
        return matches;
    }

    /**
     * Subgroups that name no deployment (the field may be left out, which says nothing): the group's newest deployment
     * is the one that could still be active there; its status says, subgroup by subgroup.
     */
    private List<ActiveSelection.Match> newestCovering(Operation operation, List<String> deviceClasses)
            throws OperationFailure {
        ApiResponse list = get(paths.groupDeploymentsNewestFirst(), false);
        JsonNode first = object(list, operation).path("value").path(0);
        String newest = text(first, "deploymentId");
        if (newest == null) {
            return List.of();
        }
        DeploymentId id = id(newest, operation);
        ApiResponse status = get(paths.status(DeploymentPart.whole(id)), false);
        List<ActiveSelection.Match> matches = new ArrayList<>();
        for (JsonNode subgroup : object(status, operation).path("subgroupStatus")) {
            String deviceClass = text(subgroup, "deviceClassId");
            if (deviceClass == null || !deviceClasses.contains(deviceClass)) {
                continue;
            }
            String state = text(subgroup, "deploymentState");
            if (state != null && active(state, id, operation)) {
                matches.add(new ActiveSelection.Match(
                        DeploymentPart.subgroup(id, subgroup(deviceClass, operation)),
                        WireText.clean(state) + ", the group's newest deployment"));
            }
        }
        return matches;
    }

    // ---- 2021-06-01-preview
    // --------------------------------------------------------------------------------------------

    private List<ActiveSelection.Match> preview(Operation operation, String group) throws OperationFailure {
        ApiResponse response = get(paths.previewGroup(), false);
        String named = text(object(response, operation), "deploymentId");
        if (named == null) {
            throw new Refusal(
                    "the group '" + group + "' names no deployment (its deploymentId is absent), and the"
                            + " 2021-06-01-preview API has no other way to tell which of its deployments is active,"
                            + " so nothing was " + operation.done(),
                    "Give the deployment's id, or use a GA apiVersion (2022-10-01 or later).");
        }
        DeploymentId id = id(named, operation);
        Optional<String> state = state(paths.status(DeploymentPart.whole(id)), operation);
        if (state.isPresent() && active(state.get(), id, operation)) {
            return List.of(new ActiveSelection.Match(
                    DeploymentPart.whole(id), WireText.clean(state.get()) + ", named by the group"));
        }
        return List.of();
    }

    // ---- v2 (2020)
    // ----------------------------------------------------------------------------------------------------

    private List<ActiveSelection.Match> v2(Operation operation, String group) throws OperationFailure {
        Set<String> candidates = new LinkedHashSet<>();
        Map<String, String> started = new LinkedHashMap<>();
        for (JsonNode item : pages(paths.v2Deployments(), operation)) {
            String id = text(item, "deploymentId");
            boolean ofGroup = "DeviceGroupDefinitions".equals(text(item, "deviceGroupType"))
                    && contains(item.path("deviceGroupDefinition"), group);
            if (id != null && ofGroup && !AduDeploymentReader.flag(item, "isCanceled")) {
                candidates.add(id);
                started.put(id, text(item, "startDateTime"));
            }
        }
        if (candidates.size() > MAX_CANDIDATES) {
            throw tooMany(operation, candidates.size());
        }
        List<ActiveSelection.Match> matches = new ArrayList<>();
        for (String candidate : candidates) {
            DeploymentId id = id(candidate, operation);
            Optional<String> state = state(paths.status(DeploymentPart.whole(id)), operation);
            if (state.isPresent() && active(state.get(), id, operation)) {
                String start = started.get(candidate);
                matches.add(new ActiveSelection.Match(
                        DeploymentPart.whole(id),
                        WireText.clean(state.get()) + (start == null ? "" : ", started " + WireText.clean(start))));
            }
        }
        return matches;
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.isTextual() && item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    // ---- Reading
    // ------------------------------------------------------------------------------------------------------

    /** Whether a confirmed state is active; a state the plugin does not know refuses the selection. */
    private static boolean active(String state, DeploymentId id, Operation operation) throws Refusal {
        String lower = state.toLowerCase(Locale.ROOT);
        if (lower.startsWith("active")) {
            return true;
        }
        if (Set.of("inactive", "canceled", "cancelled", "failed", "superseded").contains(lower)) {
            return false;
        }
        throw new Refusal(
                "deployment '" + id + "' is in the state '" + WireText.clean(state)
                        + "', which the plugin cannot read as active or not, so nothing was " + operation.done(),
                "Check it with the deployment-status goal, and give the ids to act on.");
    }

    /** The {@code deploymentState} a status call gives; empty when the deployment is gone (404). */
    private Optional<String> state(HttpUrl url, Operation operation) throws OperationFailure {
        ApiResponse response = get(url, true);
        if (response.code() == 404) {
            return Optional.empty();
        }
        String state = text(object(response, operation), "deploymentState");
        if (state == null) {
            throw new Refusal(
                    "a status read for the selection has no deploymentState, so the plugin cannot tell which"
                            + " deployments are active, and nothing was " + operation.done(),
                    "Check the endpoint or baseUrl, and give the ids to act on.");
        }
        return Optional.of(state);
    }

    /**
     * A read for the selection; a refusal fails it (carrying its own requests, which {@link #select} adds to the
     * others').
     *
     * @param goneIsAnswer whether a 404 is an answer (the deployment is gone) rather than a refusal
     */
    private ApiResponse get(HttpUrl url, boolean goneIsAnswer) throws OperationFailure {
        AduProvider.Answer answer = provider.exchange("GET", url);
        ApiResponse response = answer.response();
        if (!response.successful() && !(goneIsAnswer && response.code() == 404)) {
            throw provider.failure(Operation.STATUS, DeploymentPart.whole(new DeploymentId("select=active")), answer);
        }
        attempts += response.attempts();
        return response;
    }

    /**
     * Every item of a list, following {@code nextLink} (a URL or a path, docs/azure-device-update-api.md) as long as it
     * stays on the endpoint's scheme, host and port, where the token may go.
     */
    private List<JsonNode> pages(HttpUrl first, Operation operation) throws OperationFailure {
        List<JsonNode> items = new ArrayList<>();
        HttpUrl next = first;
        for (int page = 0; next != null; page++) {
            if (page >= MAX_PAGES) {
                throw new Refusal(
                        "the list goes on past " + MAX_PAGES + " pages, so the plugin cannot tell which deployments"
                                + " are active, and nothing was " + operation.done(),
                        "Give the ids to act on.");
            }
            JsonNode body = object(get(next, false), operation);
            body.path("value").forEach(items::add);
            String link = text(body, "nextLink");
            next = link == null ? null : sameOrigin(link, operation);
        }
        return items;
    }

    private HttpUrl sameOrigin(String link, Operation operation) throws Refusal {
        HttpUrl base = config.baseUrl();
        HttpUrl target = base.resolve(link);
        if (target == null || !ApiBaseUrl.sameOrigin(target, base)) {
            throw new Refusal(
                    "the list's nextLink '" + WireText.clean(link) + "' leads away from the endpoint, where the token"
                            + " must not go, so nothing was " + operation.done(),
                    "Check the endpoint or baseUrl and any proxy in between; give the ids to act on.");
        }
        return target;
    }

    private JsonNode object(ApiResponse response, Operation operation) throws Refusal {
        return AduDeploymentReader.object(response.body())
                .orElseThrow(() -> new Refusal(
                        "an answer read for the selection is not the JSON Azure Device Update sends, so nothing was "
                                + operation.done(),
                        "Check the endpoint or baseUrl and any proxy in between."));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    /** An id from the API, checked as a user's would be before it goes into a path. */
    private DeploymentId id(String raw, Operation operation) throws Refusal {
        try {
            DeploymentId id = DeploymentId.fromApi(raw, "the selection");
            provider.checkDeploymentId(id);
            return id;
        } catch (ConfigurationException e) {
            throw new Refusal(
                    "the API names a deployment '" + WireText.clean(raw) + "' that cannot be sent as an id, so nothing"
                            + " was " + operation.done(),
                    "Check the endpoint or baseUrl and any proxy in between.");
        }
    }

    private static String subgroup(String raw, Operation operation) throws Refusal {
        if (!AduNames.isSafeSegment(raw) || !WireText.clean(raw).equals(raw)) {
            throw new Refusal(
                    "the API names a device-class subgroup '" + WireText.clean(raw) + "' that cannot be sent as one, so"
                            + " nothing was " + operation.done(),
                    "Name the subgroup with deviceClassId, and check the endpoint or baseUrl.");
        }
        return raw;
    }

    private Refusal tooMany(Operation operation, int count) {
        return new Refusal(
                count + " deployments of the group are candidates, more than the " + MAX_CANDIDATES
                        + " the plugin confirms one by one, so nothing was " + operation.done(),
                "Give the ids to act on.");
    }
}
