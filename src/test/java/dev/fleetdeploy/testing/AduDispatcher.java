package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers as the ADU data plane does: records the request, checks the bearer token, matches the path to an API
 * generation and its api-version, then answers from a forced answer if the test set one, else from the state.
 */
final class AduDispatcher extends Dispatcher {

    private final String instance;
    private final AduState state;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final ForcedAnswers<String> forced = new ForcedAnswers<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<FakeEntra> trusted = new CopyOnWriteArrayList<>();
    private volatile boolean omitFalseFlags;
    private volatile boolean errorsAsAzureJson;

    AduDispatcher(String instance, AduState state) {
        this.instance = instance;
        this.state = state;
    }

    void acceptToken(String token) {
        tokens.add(token);
    }

    void trust(FakeEntra entra) {
        trusted.add(entra);
    }

    void omitFalseFlags() {
        omitFalseFlags = true;
    }

    void errorsAsAzureJson() {
        errorsAsAzureJson = true;
    }

    ForcedAnswers<String> forced() {
        return forced;
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** Every answer, successes too, carries {@code retry-after: 0}, as the live service's do, unless it has its own. */
    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(RequestRecorder.record(request));
        CannedAnswer answer = answer(request);
        return CannedResponses.response(
                answer.hasHeader("retry-after") ? answer : answer.withHeader("retry-after", "0"));
    }

    private CannedAnswer answer(RecordedRequest request) {
        if (!authorized(request.getHeaders().get("Authorization"))) {
            return AduAnswers.unauthorized();
        }
        String target = request.getTarget();
        String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Optional<AduRoute> parsed = AduRoute.of(rawPath);
        if (parsed.isEmpty()) {
            Optional<AduListRoute> list = AduListRoute.of(rawPath);
            if (list.isPresent()) {
                return list(list.get(), request);
            }
            return azureError(404, "NotFound", "No Device Update operation has the path " + rawPath + ".");
        }
        AduRoute route = parsed.get();
        HttpUrl url = request.getUrl();
        String versionProblem = apiVersionProblem(route.api(), url.queryParameter("api-version"));
        if (versionProblem != null) {
            String code =
                    url.queryParameter("api-version") == null ? "MissingApiVersionParameter" : "UnsupportedApiVersion";
            return azureError(400, code, versionProblem);
        }
        String method = request.getMethod();
        if (route.api() != AduRoute.Api.GA && route.op() == AduRoute.Op.READ) {
            String action = url.queryParameter("action");
            if (action != null || method.equals("POST")) {
                if ("cancel".equals(action)) {
                    route = route.as(AduRoute.Op.CANCEL);
                } else if ("retry".equals(action)) {
                    route = route.as(AduRoute.Op.RETRY);
                } else {
                    return azureError(400, "BadRequest", "The action query parameter must be 'cancel' or 'retry'.");
                }
            }
        }
        if (!method.equals(route.op().method)) {
            return wrongMethod(method, rawPath, route);
        }
        for (String key : route.forcedAnswerKeys()) {
            Optional<CannedAnswer> answer = forced.next(key);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (!route.instance().equals(instance)) {
            return notFound(new AduOutcome.Missing("Instance", route.instance()), route);
        }
        AduOutcome outcome = state.apply(route);
        if (outcome instanceof AduOutcome.Missing missing) {
            return notFound(missing, route);
        }
        if (outcome instanceof AduOutcome.Conflict conflict) {
            return AduAnswers.error(409, conflict.code(), conflict.message());
        }
        return AduAnswers.json(200, body(route, ((AduOutcome.Done) outcome).deployment()));
    }

    /** Items per page of every list; each page but the last links to the next. */
    private volatile int listPageSize = 100;
    /** Whether nextLink is a path (else an absolute URL), as the service's form is not recorded. */
    private volatile boolean nextLinksAsPaths;
    /** Whether GA subgroups leave out their deploymentId, as the GA GetGroup examples leave out deployments. */
    private volatile boolean omitSubgroupDeploymentIds;

    void listPageSize(int size) {
        listPageSize = size;
    }

    void nextLinksAsPaths() {
        nextLinksAsPaths = true;
    }

    void omitSubgroupDeploymentIds() {
        omitSubgroupDeploymentIds = true;
    }

    /** The reads that find deployments: lists, paged with nextLink, and groups. */
    private CannedAnswer list(AduListRoute route, RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (!request.getMethod().equals("GET")) {
            // As for every other path: no operation answers this method here.
            return azureError(
                    404,
                    "NotFound",
                    "No Device Update operation answers " + request.getMethod() + " " + url.encodedPath()
                            + ". It takes GET.");
        }
        String versionProblem = apiVersionProblem(route.kind().api, url.queryParameter("api-version"));
        if (versionProblem != null) {
            String code =
                    url.queryParameter("api-version") == null ? "MissingApiVersionParameter" : "UnsupportedApiVersion";
            return azureError(400, code, versionProblem);
        }
        Optional<CannedAnswer> answer = forced.next(FakeAdu.LISTS);
        if (answer.isPresent()) {
            return answer.get();
        }
        if (!route.instance().equals(instance)) {
            return notFound(new AduOutcome.Missing("Instance", route.instance()), null);
        }
        boolean omit = omitFalseFlags;
        if (route.kind() == AduListRoute.Kind.V2_LIST) {
            return page(state.all().stream().map(d -> AduBodies.v2Item(d, omit)).toList(), url);
        }
        List<FakeAduDeployment> ofGroup = state.ofGroup(route.groupId());
        if (ofGroup.isEmpty()) {
            return notFound(new AduOutcome.Missing("Group", route.groupId()), null);
        }
        return switch (route.kind()) {
            case PREVIEW_GROUP -> AduAnswers.json(200, AduBodies.group(route.groupId(), ofGroup, true));
            case GA_GROUP -> AduAnswers.json(200, AduBodies.group(route.groupId(), ofGroup, false));
            case GA_SUBGROUPS -> page(subgroups(route.groupId(), ofGroup), url);
            case GA_DEPLOYMENTS -> {
                List<FakeAduDeployment> ordered = new java.util.ArrayList<>(ofGroup);
                String orderBy = url.queryParameter("orderby");
                if (orderBy != null
                        && !orderBy.equals("startDateTime desc")
                        && !orderBy.equals("startDateTime asc")
                        && !orderBy.equals("startDateTime")) {
                    yield azureError(400, "BadRequest", "orderby supports startDateTime [asc|desc] only.");
                }
                // The fake's start times mix forms; the order they were added in is their start order.
                if ("startDateTime desc".equals(orderBy)) {
                    java.util.Collections.reverse(ordered);
                }
                yield page(ordered.stream().map(d -> AduBodies.gaItem(d, omit)).toList(), url);
            }
            case V2_LIST -> throw new IllegalStateException("handled above");
        };
    }

    /** Every device class of the group, with the latest deployment that has it as its active deployment. */
    private List<Object> subgroups(String groupId, List<FakeAduDeployment> ofGroup) {
        java.util.Map<String, FakeAduDeployment> latest = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> devices = new java.util.HashMap<>();
        for (FakeAduDeployment d : ofGroup) {
            for (FakeSubgroup s : d.subgroups()) {
                latest.put(s.deviceClassId(), d);
                devices.put(s.deviceClassId(), s.totalDevices());
            }
        }
        List<Object> items = new java.util.ArrayList<>();
        latest.forEach((deviceClass, d) -> items.add(AduBodies.subgroupItem(
                groupId, deviceClass, omitSubgroupDeploymentIds ? null : d.id(), devices.get(deviceClass))));
        return items;
    }

    /** One page of {@code items}, as the request's {@code page} (the fake's own skip token) asks. */
    private CannedAnswer page(List<?> items, HttpUrl url) {
        int page;
        try {
            page = url.queryParameter("page") == null ? 0 : Integer.parseInt(url.queryParameter("page"));
        } catch (NumberFormatException e) {
            return azureError(400, "BadRequest", "Invalid page.");
        }
        int size = listPageSize;
        int from = Math.min(items.size(), page * size);
        int to = Math.min(items.size(), from + size);
        String next = null;
        if (to < items.size()) {
            HttpUrl link = url.newBuilder()
                    .setQueryParameter("page", Integer.toString(page + 1))
                    .build();
            next = nextLinksAsPaths ? link.encodedPath() + "?" + link.encodedQuery() : link.toString();
        }
        return AduAnswers.json(200, AduBodies.page(items.subList(from, to), next));
    }

    private String body(AduRoute route, FakeAduDeployment d) {
        boolean omit = omitFalseFlags;
        return switch (route.api()) {
            case V2 -> route.op() == AduRoute.Op.STATUS ? AduBodies.v2Status(d) : AduBodies.v2Deployment(d, omit);
            case PREVIEW ->
                route.op() == AduRoute.Op.STATUS ? AduBodies.previewStatus(d) : AduBodies.previewDeployment(d, omit);
            case GA -> gaBody(route, d, omit);
        };
    }

    private static String gaBody(AduRoute route, FakeAduDeployment d, boolean omit) {
        if (route.deviceClassId() == null) {
            return route.op() == AduRoute.Op.STATUS ? AduBodies.gaStatus(d) : AduBodies.gaDeployment(d, omit);
        }
        FakeSubgroup subgroup = d.subgroup(route.deviceClassId()).orElseThrow();
        return switch (route.op()) {
            case READ -> AduBodies.gaSubgroupDeployment(d, subgroup, omit);
            case STATUS -> AduBodies.gaSubgroupStatus(d, subgroup);
            case CANCEL, RETRY -> AduBodies.gaAction(d, subgroup, omit);
        };
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).strip();
        return tokens.contains(token) || trusted.stream().anyMatch(entra -> entra.hasIssued(token));
    }

    /** Null when the api-version suits the path's generation, else why not. */
    private static String apiVersionProblem(AduRoute.Api api, String apiVersion) {
        if (api == AduRoute.Api.V2) {
            return apiVersion == null ? null : "The v2 management API takes no api-version; got '" + apiVersion + "'.";
        }
        if (apiVersion == null) {
            return "The api-version query parameter is required; this path takes " + String.join(", ", api.apiVersions)
                    + ".";
        }
        if (api.apiVersions.contains(apiVersion)) {
            return null;
        }
        String shape = api == AduRoute.Api.PREVIEW
                ? "/deviceupdate/.../management/groups/.../deployments/... paths"
                : "/deviceUpdate/.../management/groups/... paths";
        return "The api-version '" + apiVersion + "' is not supported for " + shape + "; supported: "
                + String.join(", ", api.apiVersions) + ".";
    }

    private CannedAnswer wrongMethod(String method, String rawPath, AduRoute route) {
        String hint = route.actionOnGroup()
                ? " Since 2022-10-01, cancel and retry exist only per device-class subgroup:"
                        + " .../deviceClassSubgroups/{deviceClassId}/deployments/{deploymentId}:cancel."
                : " It takes " + route.op().method + ".";
        return azureError(404, "NotFound", "No Device Update operation answers " + method + " " + rawPath + "." + hint);
    }

    private CannedAnswer notFound(AduOutcome.Missing missing, AduRoute route) {
        return errorsAsAzureJson
                ? AduAnswers.json(404, AduErrors.azureNotFound(missing, route == null ? null : route.deploymentId()))
                : AduAnswers.problemNotFound();
    }

    private static CannedAnswer azureError(int code, String errorCode, String message) {
        return AduAnswers.error(code, errorCode, message);
    }
}
