package dev.fleetdeploy.adu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ActiveSelection;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.ProviderKind;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.WireText;
import dev.fleetdeploy.entra.TokenSource;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.ErrorText;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RefusedRepeat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;

/**
 * Azure Device Update for IoT Hub: cancel and retry a deployment, and read its status, through the 2020 v2
 * management API, the 2021-06-01-preview group API, or the GA API (and later versions of its shape), which works one
 * device-class subgroup at a time.
 */
public final class AduProvider implements FleetProvider {
    /** How ADU may refuse a cancel or retry that was already done. */
    private static final Set<Integer> REFUSALS = Set.of(400, 409, 412, 422);

    /**
     * The id every ADU request carries, a fresh UUID each, as Azure's SDKs send it: with the answer's
     * {@code traceId}, what Azure support asks for to find a request (docs/azure-device-update-api.md, "Errors").
     */
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

    /** An answer, and the id its request carried. */
    record Answer(ApiResponse response, String requestId) {}

    private final AduConfig config;
    private final TokenSource tokens;
    private final HttpTransport transport;
    private final AduPaths paths;

    public AduProvider(AduConfig config, TokenSource tokens, HttpTransport transport) {
        this.config = config;
        this.tokens = tokens;
        this.transport = transport;
        this.paths = new AduPaths(config);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.AZURE_DEVICE_UPDATE;
    }

    @Override
    public String place() {
        return config.place();
    }

    @Override
    public String location() {
        return config.location();
    }

    @Override
    public Optional<String> authentication() {
        return Optional.of(tokens.describe());
    }

    @Override
    public void checkDeploymentId(DeploymentId id) {
        AduNames.deploymentId(id, subgroupApi());
    }

    @Override
    public List<DeploymentPart> parts(Operation operation, DeploymentId id) throws OperationFailure {
        if (!subgroupApi()) {
            return List.of(DeploymentPart.whole(id));
        }
        if (config.deviceClassId() != null) {
            return List.of(DeploymentPart.subgroup(id, config.deviceClassId()));
        }
        if (operation == Operation.STATUS) {
            return List.of(DeploymentPart.whole(id)); // The group status covers every subgroup.
        }
        // GA cancels and retries a subgroup at a time: ask the deployment which subgroups it has.
        Answer answer = send(Operation.STATUS, DeploymentPart.whole(id), "GET", paths.deployment(id));
        ApiResponse response = answer.response();
        JsonNode deployment = json(answer);
        List<String> subgroups = AduDeploymentReader.subgroups(deployment);
        if (subgroups.isEmpty()) {
            throw new ApiException(
                            "the deployment lists no device-class subgroups, so there is nothing to " + operation.verb()
                                    + ": ",
                            response.code(),
                            response.statusText(),
                            "deviceClassSubgroups is empty",
                            "Check the deployment with the deployment-status goal; its devices may not have reported a device class yet.")
                    .withSupportIds(supportIds(answer));
        }
        for (String subgroup : subgroups) {
            if (!AduNames.isSafeSegment(subgroup)) {
                throw new ApiException(
                                "the deployment lists a device-class subgroup that cannot be sent as one: ",
                                response.code(),
                                response.statusText(),
                                "deviceClassSubgroups holds '" + WireText.clean(subgroup) + "'",
                                "Nothing was canceled or retried; name a subgroup with deviceClassId, and check the endpoint or baseUrl.")
                        .withSupportIds(supportIds(answer));
            }
        }
        return subgroups.stream()
                .map(subgroup -> DeploymentPart.subgroup(id, subgroup))
                .toList();
    }

    /** {@code select=active}: the deployments active in the group, as {@link AduSelector} reads them. */
    @Override
    public ActiveSelection selectActive(Operation operation) throws OperationFailure {
        if (config.selectionGroupId() == null) {
            throw new IllegalStateException("AduConfig makes no selection without select=active");
        }
        return new AduSelector(this, config, paths).select(operation);
    }

    @Override
    public ActionResult cancel(DeploymentPart part) throws OperationFailure {
        return act(Operation.CANCEL, part);
    }

    @Override
    public ActionResult retry(DeploymentPart part) throws OperationFailure {
        return act(Operation.RETRY, part);
    }

    private ActionResult act(Operation operation, DeploymentPart part) throws OperationFailure {
        Answer answer = exchange("POST", paths.action(operation, part));
        ApiResponse response = answer.response();
        if (!response.successful()) {
            if (response.earlierAttemptMayHaveApplied() && REFUSALS.contains(response.code())) {
                return reconcile(operation, part, answer);
            }
            throw failure(operation, part, answer);
        }
        return AduDeploymentReader.actionResult(response).withAttempts(response.attempts());
    }

    /**
     * A repeated cancel or retry was refused after an earlier attempt got no clear answer: that attempt may have done
     * it. The deployment's own flag (isCanceled, isRetried) says whether it did.
     */
    private ActionResult reconcile(Operation operation, DeploymentPart part, Answer refused) throws OperationFailure {
        ApiResponse refusal = refused.response();
        ApiResponse check;
        try {
            check = send(Operation.STATUS, part, "GET", paths.deployment(part)).response();
        } catch (OperationFailure unreadable) {
            throw failure(operation, part, refused).after(unreadable.attempts());
        }
        Optional<JsonNode> deployment = AduDeploymentReader.object(check.body());
        RefusedRepeat repeat = new RefusedRepeat(refusal, refusal.attempts() + check.attempts());
        boolean cancel = operation == Operation.CANCEL;
        if (deployment.isPresent() && AduDeploymentReader.showsDone(deployment.get(), cancel)) {
            return repeat.tookEffect(
                    cancel ? "canceled" : "retried",
                    null,
                    " (the deployment says " + (cancel ? "isCanceled" : "isRetried") + "=true)");
        }
        throw repeat.stands("the deployment does not show it took effect: check it with the deployment-status goal.")
                .withSupportIds(supportIds(refused));
    }

    @Override
    public DeploymentStatus status(DeploymentPart part) throws OperationFailure {
        Answer answer = send(Operation.STATUS, part, "GET", paths.status(part));
        return AduStatusReader.read(json(answer)).withAttempts(answer.response().attempts());
    }

    @Override
    public List<PlannedRequest> plan(Operation operation, DeploymentId id) {
        List<PlannedRequest> planned = new ArrayList<>();
        tokens.plan().ifPresent(planned::add);
        if (operation == Operation.STATUS) {
            DeploymentPart part = config.deviceClassId() == null
                    ? DeploymentPart.whole(id)
                    : DeploymentPart.subgroup(id, config.deviceClassId());
            planned.add(transport.plan(plannedRequest("GET", paths.status(part)), null));
            return planned;
        }
        if (!subgroupApi()) {
            planned.add(
                    transport.plan(plannedRequest("POST", paths.action(operation, DeploymentPart.whole(id))), null));
        } else if (config.deviceClassId() != null) {
            planned.add(transport.plan(
                    plannedRequest(
                            "POST", paths.action(operation, DeploymentPart.subgroup(id, config.deviceClassId()))),
                    null));
        } else {
            planned.add(
                    transport.plan(plannedRequest("GET", paths.deployment(id)), "to list the deployment's subgroups"));
            // Any subgroup's request shows the headers; the URL names every subgroup by a placeholder.
            PlannedRequest each = transport.plan(
                    plannedRequest("POST", paths.action(operation, DeploymentPart.subgroup(id, "any"))),
                    "for each subgroup it lists");
            planned.add(new PlannedRequest(
                    each.method(), paths.everySubgroupAction(operation, id), each.headers(), each.note()));
        }
        return planned;
    }

    private boolean subgroupApi() {
        return config.version().generation() == AduApiVersion.Generation.SUBGROUP_ACTION;
    }

    /** A request whose token is shown masked; no token is fetched for it. */
    private static ApiRequest plannedRequest(String method, HttpUrl url) {
        ApiRequest.Builder builder = method.equals("GET") ? ApiRequest.get(url) : ApiRequest.post(url);
        return builder.header("Authorization", "Bearer ****")
                .header(CLIENT_REQUEST_ID, "(a new UUID for each request)")
                .build();
    }

    private Answer send(Operation operation, DeploymentPart part, String method, HttpUrl url) throws OperationFailure {
        Answer answer = exchange(method, url);
        if (!answer.response().successful()) {
            throw failure(operation, part, answer);
        }
        return answer;
    }

    /**
     * Sends with the execution's token, fetched (once) only when a request is about to go, and a fresh client
     * request id; any status comes back. The token's requests, when this call fetched it, count among the answer's
     * attempts; a failure to get an answer names the request's id.
     */
    Answer exchange(String method, HttpUrl url) throws OperationFailure {
        TokenSource.Issued token = tokens.issue();
        String requestId = UUID.randomUUID().toString();
        ApiRequest.Builder builder = method.equals("GET") ? ApiRequest.get(url) : ApiRequest.post(url);
        ApiRequest request = builder.secretHeader(
                        "Authorization", Secret.of("Bearer " + token.token().reveal()))
                .header(CLIENT_REQUEST_ID, requestId)
                .build();
        try {
            return new Answer(transport.send(request).after(token.attempts()), requestId);
        } catch (UnreachableException e) {
            OperationFailure failure = e.after(token.attempts());
            throw mayHaveReached(e) ? failure.withSupportIds(Map.of(CLIENT_REQUEST_ID, requestId)) : failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(
                            "interrupted before Azure Device Update answered", "The build was stopped.", e)
                    .withSupportIds(Map.of(CLIENT_REQUEST_ID, requestId));
        }
    }

    /**
     * Whether a request that got no answer may have reached the service, so that its id may find it there: not when
     * the host was not found, the connection refused or the TLS handshake failed, nor when it was never sent.
     */
    private static boolean mayHaveReached(UnreachableException failure) {
        Throwable cause = failure.getCause();
        return cause != null
                && !(cause instanceof java.net.UnknownHostException)
                && !(cause instanceof java.net.ConnectException)
                && !(cause instanceof javax.net.ssl.SSLException);
    }

    /** The answer's traceId (problem details), then the request's own id. */
    private static Map<String, String> supportIds(Answer answer) {
        Map<String, String> ids = new LinkedHashMap<>();
        ErrorText.field(answer.response(), "traceId").ifPresent(traceId -> ids.put("traceId", traceId));
        ids.put(CLIENT_REQUEST_ID, answer.requestId());
        return ids;
    }

    OperationFailure failure(Operation operation, DeploymentPart part, Answer answer) {
        ApiResponse response = answer.response();
        return new ApiException(
                        response.code(),
                        response.statusText(),
                        ErrorText.of(response),
                        AduHints.forAnswer(operation, response, config, part) + response.hintAddition())
                .withAttempts(response.attempts())
                .withSupportIds(supportIds(answer));
    }

    private JsonNode json(Answer answer) throws OperationFailure {
        ApiResponse response = answer.response();
        Optional<JsonNode> root = AduDeploymentReader.object(response.body());
        if (root.isEmpty()) {
            throw new ApiException(
                            response.code(),
                            response.statusText(),
                            "the body is not the JSON the Azure Device Update API sends (" + ErrorText.of(response)
                                    + ")",
                            "The answer did not come from the Azure Device Update API: check the endpoint or baseUrl and any proxy in between.")
                    .withAttempts(response.attempts())
                    .withSupportIds(supportIds(answer));
        }
        return root.get();
    }

    @Override
    public String toString() {
        return "AduProvider[" + config + "]";
    }
}
