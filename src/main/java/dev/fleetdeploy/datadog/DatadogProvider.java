package dev.fleetdeploy.datadog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.BodyReader;
import dev.fleetdeploy.http.ErrorText;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RefusedRepeat;
import dev.fleetdeploy.http.StreamedAnswer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Datadog Fleet Automation: cancel a deployment and read its status, through API v2 or the older unstable
 * (Preview) generation; retry one (v2), which Datadog has no operation for, by creating a new deployment aimed at its
 * failed hosts.
 */
public final class DatadogProvider implements FleetProvider {
    /** Hosts per page when counting an unstable deployment's hosts (the API's maximum). */
    static final int HOST_PAGE_SIZE = 100;
    /** Pages read at most: 5,000 hosts, enough for a status line without paging through a huge fleet. */
    static final int MAX_HOST_PAGES = 50;

    /** Built on first use: a cancel reads its answer without it ({@link CancelAnswer}). */
    private static final class Trees {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** How Datadog refuses a cancel of a deployment that is no longer pending or running. */
    private static final Set<Integer> REFUSALS = Set.of(400, 409, 422);
    /** States that show a cancel took effect. */
    private static final Set<String> CANCELED_STATES =
            Set.of("stopping", "stopped", "canceling", "cancelling", "canceled", "cancelled", "aborted");

    private final DatadogConfig config;
    private final HttpTransport transport;
    private final Clock clock;
    private final Sleeper sleeper;

    public DatadogProvider(DatadogConfig config, HttpTransport transport) {
        this(config, transport, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /**
     * @param clock what a retry measures "created after the request was sent" on
     * @param sleeper how a retry waits before it looks for a deployment a create may have made
     */
    public DatadogProvider(DatadogConfig config, HttpTransport transport, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DATADOG;
    }

    @Override
    public String place() {
        return config.baseUrlOverridden()
                ? config.displayBaseUrl() + " (in place of " + config.site().apiHost() + ")"
                : config.site().site();
    }

    @Override
    public String location() {
        return place() + ", API " + config.api().id();
    }

    @Override
    public ActionResult cancel(DeploymentPart part) throws OperationFailure {
        ApiResponse response = exchange(cancelRequest(part.id()));
        if (!response.successful()) {
            if (response.earlierAttemptMayHaveApplied() && REFUSALS.contains(response.code())) {
                return reconcile(part, response);
            }
            throw failure(Operation.CANCEL, response);
        }
        if (config.api() == DatadogApi.V2 && !response.body().isBlank()) {
            // The body only adds words; a cancel that answered 2xx succeeded even if they cannot be read.
            Optional<CancelAnswer> answer = CancelAnswer.read(response.body());
            if (answer.isEmpty()) {
                return new ActionResult(
                        response.code(),
                        null,
                        null,
                        "the answer's body is not the JSON Datadog sends (" + ErrorText.of(response)
                                + "), but its status says the cancel was accepted.",
                        response.attempts());
            }
            return new ActionResult(
                    response.code(), answer.get().status(), answer.get().message(), null, response.attempts());
        }
        return new ActionResult(response.code(), null, null, null, response.attempts());
    }

    /**
     * A repeated cancel was refused ("only pending or running deployments can be canceled") after an earlier attempt
     * got no clear answer: that attempt may have done it. The deployment's state says whether it did.
     */
    private ActionResult reconcile(DeploymentPart part, ApiResponse refusal) throws OperationFailure {
        DeploymentStatus status;
        try {
            status = status(part);
        } catch (OperationFailure unreadable) {
            throw failure(Operation.CANCEL, refusal).after(unreadable.attempts());
        }
        RefusedRepeat repeat = new RefusedRepeat(refusal, refusal.attempts() + status.attempts());
        String state = status.state();
        if (state != null && CANCELED_STATES.contains(state.toLowerCase(java.util.Locale.ROOT))) {
            return repeat.tookEffect("canceled", state, "");
        }
        throw repeat.stands("the deployment is now " + (state == null ? "in an unknown state" : "'" + state + "'")
                + ": check it with the deployment-status goal.");
    }

    /**
     * Datadog has no retry operation: this creates a new deployment with the same operation, aimed at the hosts where
     * the finished one failed ({@link DatadogRetry}). The old deployment stays as it is.
     */
    @Override
    public boolean retryCreatesDeployment() {
        return true;
    }

    @Override
    public ActionResult retry(DeploymentPart part) throws OperationFailure {
        return new DatadogRetry(this, config, clock, sleeper).retry(part.id());
    }

    @Override
    public DeploymentStatus status(DeploymentPart part) throws OperationFailure {
        DeploymentId id = part.id();
        if (config.api() == DatadogApi.V2) {
            DetailAnswer answer = detail(Operation.STATUS, id);
            return DatadogStatusReader.fromV2(answer.detail()).withAttempts(answer.attempts());
        }
        ApiResponse firstAnswer = send(Operation.STATUS, statusRequest(id, 0));
        JsonNode first = json(firstAnswer);
        int attempts = firstAnswer.attempts();
        List<JsonNode> hosts = new ArrayList<>();
        first.path("data").path("attributes").path("hosts").forEach(hosts::add);
        long totalPages = first.path("meta").path("hosts").path("total_pages").asLong(1);
        int page = 1;
        for (; page < totalPages && page < MAX_HOST_PAGES; page++) {
            JsonNode next;
            try {
                ApiResponse answer = send(Operation.STATUS, statusRequest(id, page));
                next = json(answer);
                attempts += answer.attempts();
            } catch (OperationFailure failure) {
                throw failure.after(attempts);
            }
            JsonNode pageHosts = next.path("data").path("attributes").path("hosts");
            if (pageHosts.isEmpty()) {
                break;
            }
            pageHosts.forEach(hosts::add);
        }
        return DatadogStatusReader.fromUnstable(first, hosts, page < totalPages).withAttempts(attempts);
    }

    /** The deployments the v2 list shows pending or running, narrowed as the selection says ({@link ActiveList}). */
    @Override
    public ActiveSelection selectActive(Operation operation) throws OperationFailure {
        return ActiveList.select(this, config.selection(), operation);
    }

    /** A v2 deployment as its GET describes it, and the requests reading it took. */
    record DetailAnswer(DeploymentDetail detail, int attempts) {}

    /**
     * Reads a v2 deployment with every one of its hosts, as a stream (docs/datadog-fleet-api.md, "Get one deployment
     * (status)": no paging, so the body grows with the fleet).
     */
    DetailAnswer detail(Operation operation, DeploymentId id) throws OperationFailure {
        StreamedAnswer<JsonRead<DeploymentDetail>> answer = stream(detailRequest(id), DeploymentDetailReader::read);
        return new DetailAnswer(readValue(operation, answer), answer.response().attempts());
    }

    /** {@code GET} of one v2 deployment, every host in one answer. */
    ApiRequest detailRequest(DeploymentId id) {
        return statusRequest(id, -1);
    }

    @Override
    public List<PlannedRequest> plan(Operation operation, DeploymentId id) throws OperationFailure {
        return switch (operation) {
            case CANCEL -> List.of(transport.plan(cancelRequest(id), null));
            case STATUS ->
                List.of(transport.plan(
                        config.api() == DatadogApi.V2 ? detailRequest(id) : statusRequest(id, 0),
                        config.api() == DatadogApi.UNSTABLE
                                ? "and further pages while the deployment has more hosts"
                                : null));
            case RETRY -> new DatadogRetry(this, config, clock, sleeper).plan(id);
        };
    }

    @Override
    public boolean planReads(Operation operation) {
        return operation == Operation.RETRY;
    }

    private ApiRequest cancelRequest(DeploymentId id) {
        HttpUrl url = deploymentUrl(id).addPathSegment("cancel").build();
        return authenticated(ApiRequest.post(url));
    }

    /** @param page the host page to read (unstable only), or -1 for v2 */
    private ApiRequest statusRequest(DeploymentId id, int page) {
        HttpUrl.Builder url = deploymentUrl(id);
        if (page >= 0) {
            url.addQueryParameter("limit", Integer.toString(HOST_PAGE_SIZE))
                    .addQueryParameter("page", Integer.toString(page));
        }
        return authenticated(ApiRequest.get(url.build()));
    }

    private HttpUrl.Builder deploymentUrl(DeploymentId id) {
        // addPathSegment percent-encodes the id as one segment: "/" and "?" in an id cannot change the path.
        return deploymentsUrl().addPathSegment(id.value());
    }

    /** {@code /api/v2/fleet/deployments}, for the list and the creates. */
    HttpUrl.Builder deploymentsUrl() {
        return config.baseUrl()
                .newBuilder()
                .addPathSegments(config.api().deploymentsPath().substring(1));
    }

    /**
     * One page of the list (docs/datadog-fleet-api.md, "List deployments"), read as a stream: null when the server
     * refused {@code sort} with a 400.
     */
    DeploymentLister.Fetched page(int number, boolean sorted, java.util.function.Predicate<ListedDeployment> keep)
            throws OperationFailure {
        HttpUrl.Builder url = deploymentsUrl()
                .addQueryParameter("page_size", Integer.toString(DeploymentLister.PAGE_SIZE))
                .addQueryParameter("page_number", Integer.toString(number));
        if (sorted) {
            url.addQueryParameter("sort", "start_date");
        }
        StreamedAnswer<JsonRead<ListPage>> answer =
                stream(authenticated(ApiRequest.get(url.build())), body -> ListPage.read(body, keep));
        if (sorted && number == 0 && answer.response().code() == 400) {
            return null;
        }
        return new DeploymentLister.Fetched(
                readValue(Operation.STATUS, answer), answer.response().attempts());
    }

    /** What a streamed success said; a refusal, or a body that is not Datadog's, fails. */
    private <T> T readValue(Operation operation, StreamedAnswer<JsonRead<T>> answer) throws ApiException {
        ApiResponse response = answer.response();
        if (!response.successful()) {
            throw failure(operation, response);
        }
        if (!answer.read().readable()) {
            throw notDatadog(response, answer.read().problem());
        }
        return answer.read().value();
    }

    /** What {@link #transport} would send, for a dry run. */
    PlannedRequest planOf(ApiRequest request, String note) {
        return transport.plan(request, note);
    }

    ApiRequest authenticated(ApiRequest.Builder builder) {
        return builder.secretHeader("DD-API-KEY", config.apiKey())
                .secretHeader("DD-APPLICATION-KEY", config.applicationKey())
                .build();
    }

    ApiResponse send(Operation operation, ApiRequest request) throws OperationFailure {
        ApiResponse response = exchange(request);
        if (!response.successful()) {
            throw failure(operation, response);
        }
        return response;
    }

    /** The answer, whatever its status; a success's body handed to {@code reader} as it arrives. */
    private <T> StreamedAnswer<T> stream(ApiRequest request, BodyReader<T> reader) throws UnreachableException {
        try {
            return transport.stream(request, reader);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted before Datadog answered", "The build was stopped.", e);
        }
    }

    /** The answer, whatever its status. */
    ApiResponse exchange(ApiRequest request) throws UnreachableException {
        try {
            return transport.send(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted before Datadog answered", "The build was stopped.", e);
        }
    }

    ApiException failure(Operation operation, ApiResponse response) {
        return new ApiException(
                        response.code(),
                        response.statusText(),
                        ErrorText.of(response),
                        DatadogHints.forAnswer(operation, response, config) + response.hintAddition())
                .withAttempts(response.attempts());
    }

    private JsonNode json(ApiResponse response) throws ApiException {
        try {
            JsonNode root = Trees.JSON.readTree(response.body());
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // Reported below.
        }
        throw notDatadog(response, null);
    }

    /** A success whose body is not what Datadog sends: the answer came from something else. */
    static ApiException notDatadog(ApiResponse response, String problem) {
        String shown = ErrorText.of(response);
        return new ApiException(
                        response.code(),
                        response.statusText(),
                        "the body is not the JSON the Datadog API sends ("
                                + (shown.isEmpty() && problem != null ? problem : shown) + ")",
                        "The answer did not come from the Datadog API: check the baseUrl and any proxy in between.")
                .withAttempts(response.attempts());
    }

    @Override
    public String toString() {
        return "DatadogProvider[" + config + "]";
    }
}
