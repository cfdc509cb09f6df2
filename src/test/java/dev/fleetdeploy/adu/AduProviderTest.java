package dev.fleetdeploy.adu;

import static dev.fleetdeploy.testing.CannedResponses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.http.UserAgent;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.Counts;
import dev.fleetdeploy.testing.FailureText;
import dev.fleetdeploy.testing.MockServerTest;
import dev.fleetdeploy.testing.SpecExample;
import dev.fleetdeploy.testing.StatusLine;
import dev.fleetdeploy.testing.TestHttp;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests the ADU provider sends to each API generation and what it makes of the answers, against a fake that
 * answers with the spec's own examples.
 */
class AduProviderTest extends MockServerTest {
    private static final String TOKEN =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5hZHUubWljcm9zb2Z0LmNvbS8ifQ.c2ln";
    private static final String CLIENT_SECRET = "Zx8Q~s3cr3t.value-that-is-long-enough";
    private static final String GA = "stable-2022-10-01/";

    private final Map<String, String> parameters = new HashMap<>();

    @BeforeEach
    void accountOfTheExamples() {
        SpecExample example = SpecExample.load(GA + "DeviceManagement_StopDeployment");
        parameters.put("provider", "adu");
        parameters.put("baseUrl", "http://127.0.0.1:" + server.getPort());
        parameters.put("endpoint", example.parameter("endpoint"));
        parameters.put("instance", example.parameter("instanceId"));
        parameters.put("groupId", example.parameter("groupId"));
        parameters.put("accessToken", TOKEN);
    }

    /** The provider a goal would build from the parameters; the token (or the Entra client) comes with them. */
    private AduProvider provider(int maxRetries) {
        return (AduProvider) providers.create(parameters, Operation.CANCEL, Map.of(), TestHttp.retries(maxRetries));
    }

    private AduProvider provider() {
        return provider(0);
    }

    private AduProvider provider(String apiVersion) {
        parameters.put("apiVersion", apiVersion);
        return provider();
    }

    private AduProvider ga(String deviceClassId) {
        parameters.put("deviceClassId", deviceClassId);
        return provider();
    }

    private static MockResponse json(int code, String body) {
        return response(CannedAnswer.of(code, "application/json; charset=utf-8", body));
    }

    private void answer(String example) {
        server.enqueue(json(200, SpecExample.load(example).body(200)));
    }

    private void answer(String example, Consumer<ObjectNode> change) {
        server.enqueue(json(200, SpecExample.load(example).body(200, change)));
    }

    private static DeploymentPart whole(String id) {
        return DeploymentPart.whole(new DeploymentId(id));
    }

    private static DeploymentPart subgroup(String id, String deviceClassId) {
        return DeploymentPart.subgroup(new DeploymentId(id), deviceClassId);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    /** The base URL as messages show it, as the user writes it: no trailing slash. */
    private String displayBaseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A client secret in place of the ready token. */
    private void clientSecret(String clientId, String tenantId) {
        parameters.remove("accessToken");
        parameters.put("clientId", clientId);
        parameters.put("clientSecret", CLIENT_SECRET);
        parameters.put("tenantId", tenantId);
    }

    private static ActionResult act(AduProvider provider, Operation operation, DeploymentPart part)
            throws OperationFailure {
        return operation == Operation.CANCEL ? provider.cancel(part) : provider.retry(part);
    }

    /** The ApiException the call throws; fails when it throws nothing or something else. */
    private static ApiException apiFailure(ThrowingCallable call) {
        return assertThatExceptionOfType(ApiException.class).isThrownBy(call).actual();
    }

    private static void assertSentWithToken(RecordedRequest request) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent"))
                .startsWith(UserAgent.PRODUCT + "/" + UserAgent.version() + " (Java ");
    }

    private static void assertEmptyPost(RecordedRequest request) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBodySize()).isZero();
        assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
        assertThat(request.getHeaders().get("Content-Type")).isNull();
    }

    // ---- v2 (the seed's management API) and 2021-06-01-preview (the group API): ?action= on the whole deployment ----

    /** An action the API takes on the whole deployment, and the flags its spec example answers with. */
    record WholeAction(String apiVersion, Operation operation, String example, String target, String flags) {
        @Override
        public String toString() {
            return apiVersion + " " + operation;
        }
    }

    static Stream<WholeAction> wholeDeploymentActions() {
        String v2 = "/deviceupdate/blue/v2/management/deployments/deploymentId?action=";
        String preview = "/deviceupdate/blue/management/groups/TestGroup/deployments/deploymentId?action=";
        return Stream.of(
                new WholeAction(
                        "v2",
                        Operation.CANCEL,
                        "2020-09-01/Deployments_CancelDeployment",
                        v2 + "cancel",
                        "isCanceled=true, isRetried=false, isCompleted=false"),
                new WholeAction(
                        "v2",
                        Operation.RETRY,
                        "2020-09-01/Deployments_RetryDeployment",
                        v2 + "retry",
                        "isCanceled=false, isRetried=true, isCompleted=false"),
                new WholeAction(
                        "2021-06-01-preview",
                        Operation.CANCEL,
                        "2021-06-01-preview/DeviceManagement_StopDeployment",
                        preview + "cancel&api-version=2021-06-01-preview",
                        "isCanceled=true, isRetried=false"),
                new WholeAction(
                        "2021-06-01-preview",
                        Operation.RETRY,
                        "2021-06-01-preview/DeviceManagement_RetryDeployment",
                        preview + "retry&api-version=2021-06-01-preview",
                        "isCanceled=false, isRetried=true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeDeploymentActions")
    void anActionOnTheWholeDeploymentPostsAnEmptyBodyWithTheBearerToken(WholeAction action) throws Exception {
        answer(action.example());

        ActionResult result = act(provider(action.apiVersion()), action.operation(), whole("deploymentId"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("POST " + action.target() + " HTTP/1.1");
        assertEmptyPost(request);
        assertSentWithToken(request);
        assertThat(result).isEqualTo(new ActionResult(200, null, action.flags()));
        assertThat(result.summary()).isEqualTo("HTTP 200: " + action.flags());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void v2WireNameIsRetryIsShownUnderThatName() throws Exception {
        // The live v2 service says isRetry where the 2020 spec examples say isRetried.
        Consumer<ObjectNode> wire = body -> {
            boolean retried = body.remove("isRetried").asBoolean();
            body.put("isRetry", retried);
        };
        answer("2020-09-01/Deployments_CancelDeployment", wire);
        answer("2020-09-01/Deployments_RetryDeployment", wire);
        AduProvider provider = provider("v2");

        assertThat(provider.cancel(whole("deploymentId")).message())
                .isEqualTo("isCanceled=true, isRetry=false, isCompleted=false");
        assertThat(provider.retry(whole("deploymentId")).message())
                .isEqualTo("isCanceled=false, isRetry=true, isCompleted=false");
    }

    @Test
    void v2IsCompletedTrueIsShown() throws Exception {
        answer("2020-09-01/Deployments_CancelDeployment", body -> body.put("isCompleted", true));

        assertThat(provider("v2").cancel(whole("deploymentId")).message())
                .isEqualTo("isCanceled=true, isRetried=false, isCompleted=true");
    }

    @Test
    void v2StatusGetsTheStatusPathAndReadsTheFlatCounts() throws Exception {
        answer("2020-09-01/Deployments_GetDeploymentStatus");
        AduProvider provider = provider("v2");

        List<DeploymentPart> parts = provider.parts(Operation.STATUS, new DeploymentId("deploymentId"));
        DeploymentStatus status = provider.status(parts.get(0));

        assertThat(parts).containsExactly(whole("deploymentId"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET /deviceupdate/blue/v2/management/deployments/deploymentId/status HTTP/1.1");
        assertSentWithToken(request);
        assertThat(status.state()).isEqualTo("Active");
        assertThat(status.unit()).isEqualTo("devices");
        assertThat(status.total()).isEqualTo(1L);
        // incompatible is part of the total, and in the 2020 answer: shown even when 0.
        assertThat(status.counts())
                .containsExactlyEntriesOf(
                        Counts.of("1 succeeded, 0 failed, 0 in progress, 0 canceled, 0 incompatible"));
        assertThat(status.details()).isEmpty();
        assertThat(status.terminal()).isTrue();
    }

    @Test
    void v2StatusWithDevicesInProgressIsNotTerminalAndIncompatibleDevicesAreCounted() throws Exception {
        answer("2020-09-01/Deployments_GetDeploymentStatus", body -> {
            body.put("totalDevices", 4);
            body.put("devicesInProgressCount", 2);
            body.put("devicesIncompatibleCount", 1);
        });

        DeploymentStatus status = provider("v2").status(whole("deploymentId"));

        assertThat(status.terminal()).isFalse();
        assertThat(status.summary())
                .isEqualTo("Active; 4 devices: 1 succeeded, 0 failed, 2 in progress, 0 canceled, 1 incompatible");
    }

    @Test
    void v2IgnoresAGroupIdAndNeedsNone() throws Exception {
        parameters.remove("groupId");
        answer("2020-09-01/Deployments_CancelDeployment");

        provider("v2").cancel(whole("deploymentId"));

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/deviceupdate/blue/v2/management/deployments/deploymentId?action=cancel");
    }

    // ---- 2021-06-01-preview: the group API with ?action= ----

    @Test
    void preview2021StatusGetsTheGroupDeploymentsStatus() throws Exception {
        // No 2021 status example was copied: its status has the flat counts of the 2020 one.
        answer("2020-09-01/Deployments_GetDeploymentStatus");
        AduProvider provider = provider("2021-06-01-preview");

        assertThat(provider.parts(Operation.CANCEL, new DeploymentId("deploymentId")))
                .containsExactly(whole("deploymentId"));
        DeploymentStatus status = provider.status(whole("deploymentId"));

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo(
                        "GET /deviceupdate/blue/management/groups/TestGroup/deployments/deploymentId/status?api-version=2021-06-01-preview HTTP/1.1");
        assertThat(status.state()).isEqualTo("Active");
        assertThat(status.total()).isEqualTo(1L);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- GA and later: one device-class subgroup at a time ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-06-01, ''",
        "stable-2022-10-01, 2022-10-01",
        "2023-10-01-preview, 2023-10-01-preview",
        "2026-06-01, 2026-06-01",
    })
    void gaCancelPostsToTheSubgroupDeploymentWithColonCancel(String folder, String apiVersion) throws Exception {
        SpecExample example = SpecExample.load(folder + "/DeviceManagement_StopDeployment");
        server.enqueue(json(200, example.body(200)));
        if (!apiVersion.isEmpty()) {
            parameters.put("apiVersion", apiVersion);
        }
        AduProvider provider = ga(example.parameter("deviceClassId"));
        DeploymentId id = new DeploymentId(example.parameter("deploymentId"));

        List<DeploymentPart> parts = provider.parts(Operation.CANCEL, id);
        ActionResult result = provider.cancel(parts.get(0));

        assertThat(parts).containsExactly(subgroup("deploymentId", "deviceClassId"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("POST /deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "deviceClassId/deployments/deploymentId:cancel?api-version="
                        + example.parameter("api-version") + " HTTP/1.1");
        assertEmptyPost(request);
        assertSentWithToken(request);
        assertThat(result).isEqualTo(new ActionResult(200, null, "isCanceled=true, isRetried=false"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stable-2022-10-01", "2023-10-01-preview"})
    void gaRetryPostsColonRetry(String folder) throws Exception {
        SpecExample example = SpecExample.load(folder + "/DeviceManagement_RetryDeployment");
        server.enqueue(json(200, example.body(200)));
        parameters.put("apiVersion", example.parameter("api-version"));

        ActionResult result = ga(example.parameter("deviceClassId")).retry(subgroup("deploymentId", "deviceClassId"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("POST /deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "deviceClassId/deployments/deploymentId:retry?api-version=" + example.parameter("api-version")
                        + " HTTP/1.1");
        assertEmptyPost(request);
        assertThat(result.message()).isEqualTo("isCanceled=false, isRetried=true");
    }

    @Test
    void gaWithoutDeviceClassAsksTheDeploymentForItsSubgroupsThenCancelsEach() throws Exception {
        answer(GA + "DeviceManagement_GetDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        AduProvider provider = provider();

        List<DeploymentPart> parts = provider.parts(Operation.CANCEL, new DeploymentId("deploymentId"));

        assertThat(parts)
                .containsExactly(
                        subgroup("deploymentId", "deviceClassId1"), subgroup("deploymentId", "deviceClassId2"));
        RecordedRequest listing = server.takeRequest();
        assertThat(listing.getRequestLine())
                .isEqualTo(
                        "GET /deviceUpdate/blue/management/groups/TestGroup/deployments/deploymentId?api-version=2026-06-01 HTTP/1.1");
        assertSentWithToken(listing);

        for (DeploymentPart part : parts) {
            provider.cancel(part);
        }
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "deviceClassId1/deployments/deploymentId:cancel?api-version=2026-06-01");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "deviceClassId2/deployments/deploymentId:cancel?api-version=2026-06-01");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void gaRetryWithoutDeviceClassAlsoListsTheSubgroups() throws Exception {
        answer(GA + "DeviceManagement_GetDeployment");

        List<DeploymentPart> parts = provider().parts(Operation.RETRY, new DeploymentId("deploymentId"));

        assertThat(parts).extracting(DeploymentPart::subgroup).containsExactly("deviceClassId1", "deviceClassId2");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void partsThatNeedNoListingSendNothing() throws Exception {
        DeploymentId id = new DeploymentId("deploymentId");
        assertThat(provider().parts(Operation.STATUS, id)).containsExactly(DeploymentPart.whole(id));
        assertThat(ga("deviceClassId").parts(Operation.RETRY, id))
                .containsExactly(DeploymentPart.subgroup(id, "deviceClassId"));
        parameters.remove("deviceClassId");
        assertThat(provider("2021-06-01-preview").parts(Operation.RETRY, id)).containsExactly(DeploymentPart.whole(id));
        assertThat(provider("v2").parts(Operation.CANCEL, id)).containsExactly(DeploymentPart.whole(id));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aDeploymentWithoutSubgroupsFailsWithAClearMessage() {
        answer(GA + "DeviceManagement_GetDeployment", body -> body.putArray("deviceClassSubgroups"));

        ApiException failure = apiFailure(() -> provider().parts(Operation.CANCEL, new DeploymentId("deploymentId")));

        FailureText.assertReads(
                failure,
                "the deployment lists no device-class subgroups, so there is nothing to cancel: "
                        + "HTTP 200 OK: deviceClassSubgroups is empty",
                "Check the deployment with the deployment-status goal; its devices may not have"
                        + " reported a device class yet.");
        assertThat(failure.httpStatus()).isEqualTo(200);
    }

    @Test
    void aDeploymentThatDoesNotListSubgroupsAtAllIsTreatedAsEmpty() {
        // GetDeploymentForDeviceClassSubgroup's body is a Deployment without deviceClassSubgroups.
        answer(GA + "DeviceManagement_GetDeploymentForDeviceClassSubgroup");

        ApiException failure = apiFailure(() -> provider().parts(Operation.RETRY, new DeploymentId("deploymentId")));

        assertThat(failure.detail())
                .startsWith("the deployment lists no device-class subgroups, so there is nothing to retry: ");
    }

    @Test
    void gaGroupStatusSumsTheSubgroupsAndShowsEachWithItsError() throws Exception {
        answer(GA + "DeviceManagement_GetDeploymentStatus");

        DeploymentStatus status = provider().status(whole("deploymentId"));

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo(
                        "GET /deviceUpdate/blue/management/groups/TestGroup/deployments/deploymentId/status?api-version=2026-06-01 HTTP/1.1");
        assertThat(status.state()).isEqualTo("ActiveWithSubgroupFailures");
        assertThat(status.total()).isEqualTo(3L);
        assertThat(status.counts())
                .containsExactlyEntriesOf(Counts.of("2 succeeded, 1 failed, 0 in progress, 0 canceled"));
        assertThat(status.details())
                .containsExactly(
                        "subgroup deviceClassId1: Active; 1 device: 1 succeeded, 0 failed, 0 in progress, 0 canceled",
                        "subgroup deviceClassId2: Failed; 2 devices: 1 succeeded, 1 failed, 0 in progress, 0 canceled; error: "
                                + "The subgroup deployment failed to be created due to hitting the ADM configuration limit (ADMConfigurationLimitExceeded)");
        assertThat(status.summary())
                .isEqualTo("ActiveWithSubgroupFailures; 3 devices: 2 succeeded, 1 failed, 0 in progress, 0 canceled");
        // No subgroup has a device still in progress: nothing more will change.
        assertThat(status.terminal()).isTrue();
    }

    @Test
    void gaGroupStatusWithASubgroupStillInProgressIsNotTerminal() throws Exception {
        answer(GA + "DeviceManagement_GetDeploymentStatus", body -> {
            ObjectNode first = (ObjectNode) body.path("subgroupStatus").get(0);
            first.put("devicesInProgressCount", 1);
            first.put("devicesCompletedSucceededCount", 0);
        });

        DeploymentStatus status = provider().status(whole("deploymentId"));

        assertThat(status.terminal()).isFalse();
        assertThat(status.counts()).containsEntry("in progress", 1L);
    }

    @Test
    void gaGroupStatusCanceledIsTerminalEvenWithDevicesInProgress() throws Exception {
        answer(GA + "DeviceManagement_GetDeploymentStatus", body -> {
            body.put("deploymentState", "Canceled");
            ((ObjectNode) body.path("subgroupStatus").get(0)).put("devicesInProgressCount", 5);
        });

        assertThat(provider().status(whole("deploymentId")).terminal()).isTrue();
    }

    @Test
    void gaGroupLevelErrorIsShownFirst() throws Exception {
        answer(
                GA + "DeviceManagement_GetDeploymentStatus",
                body -> body.putObject("error")
                        .put("code", "DeploymentFailed")
                        .put("message", "The deployment could not start"));

        DeploymentStatus status = provider().status(whole("deploymentId"));

        assertThat(status.details()).first().isEqualTo("error: The deployment could not start (DeploymentFailed)");
        assertThat(status.details()).hasSize(3);
    }

    @Test
    void gaSubgroupStatusGetsTheSubgroupsStatusPath() throws Exception {
        SpecExample example = SpecExample.load(GA + "DeviceManagement_GetDeviceClassSubgroupDeploymentStatus");
        server.enqueue(json(200, example.body(200)));
        AduProvider provider = ga(example.parameter("deviceClassId"));

        List<DeploymentPart> parts = provider.parts(Operation.STATUS, new DeploymentId("deploymentId"));
        DeploymentStatus status = provider.status(parts.get(0));

        assertThat(parts).containsExactly(subgroup("deploymentId", "deviceClassId"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET /deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "deviceClassId/deployments/deploymentId/status?api-version=2026-06-01 HTTP/1.1");
        assertSentWithToken(request);
        assertThat(status.state()).isEqualTo("Active");
        assertThat(status.total()).isEqualTo(1L);
        assertThat(status.counts())
                .containsExactlyEntriesOf(Counts.of("1 succeeded, 0 failed, 0 in progress, 0 canceled"));
        assertThat(status.details()).isEmpty();
        assertThat(status.terminal()).isTrue();
    }

    @Test
    void aOneDeviceStatusSummaryIsSingular() throws Exception {
        answer(GA + "DeviceManagement_GetDeviceClassSubgroupDeploymentStatus");

        DeploymentStatus status = ga("deviceClassId").status(subgroup("deploymentId", "deviceClassId"));

        assertThat(status.summary()).isEqualTo("Active; 1 device: 1 succeeded, 0 failed, 0 in progress, 0 canceled");
    }

    // ---- bodies the reader must accept ----

    @Test
    void absentBooleansMeanFalse() throws Exception {
        answer(GA + "DeviceManagement_StopDeployment", body -> {
            body.remove("isCanceled");
            body.remove("isRetried");
        });

        assertThat(ga("deviceClassId")
                        .cancel(subgroup("deploymentId", "deviceClassId"))
                        .message())
                .isEqualTo("isCanceled=false, isRetried=false");
    }

    @Test
    void unknownDeploymentStatesAreAcceptedAndShownAsTheyAre() throws Exception {
        answer(GA + "DeviceManagement_GetDeploymentStatus", body -> {
            body.put("deploymentState", "Paused");
            ((ObjectNode) body.path("subgroupStatus").get(0)).put("deploymentState", "Paused");
        });

        DeploymentStatus status = provider().status(whole("deploymentId"));

        assertThat(status.state()).isEqualTo("Paused");
        assertThat(status.details().get(0)).startsWith("subgroup deviceClassId1: Paused; ");
        assertThat(status.summary()).startsWith("Paused; 3 devices: ");
    }

    @Test
    void aStatusWithoutStateSaysSo() throws Exception {
        answer(GA + "DeviceManagement_GetDeploymentStatus", body -> {
            body.remove("deploymentState");
            ((ObjectNode) body.path("subgroupStatus").get(0)).remove("deploymentState");
        });

        DeploymentStatus status = provider().status(whole("deploymentId"));

        assertThat(status.state()).isNull();
        assertThat(status.summary()).startsWith("state unknown; 3 devices: ");
        assertThat(status.details().get(0)).startsWith("subgroup deviceClassId1: state unknown; ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2020-04-22T12:12:12.0000000+00:00", "2020-07-01T12:13:14Z", "2020-04-22T05:12:12-07:00"})
    void everyTimestampFormIsAccepted(String startDateTime) throws Exception {
        answer(GA + "DeviceManagement_StopDeployment", body -> body.put("startDateTime", startDateTime));

        assertThat(ga("deviceClassId")
                        .cancel(subgroup("deploymentId", "deviceClassId"))
                        .message())
                .isEqualTo("isCanceled=true, isRetried=false");
    }

    @Test
    void aNonJsonSuccessOnCancelIsStillSuccessWithUnknownFlags() throws Exception {
        server.enqueue(response(CannedAnswer.of(200, "text/plain", "OK")));
        server.enqueue(response(CannedAnswer.empty(204)));
        AduProvider provider = provider("v2");

        ActionResult withText = provider.cancel(whole("deploymentId"));
        ActionResult withNothing = provider.retry(whole("deploymentId"));

        assertThat(withText)
                .isEqualTo(
                        new ActionResult(
                                200,
                                null,
                                "accepted",
                                "the answer came with a body that is not a"
                                        + " deployment, so the deployment's flags are unknown; its status says the request was accepted."));
        assertThat(withNothing)
                .isEqualTo(new ActionResult(
                        204,
                        null,
                        "accepted",
                        "the answer came with no body, so the"
                                + " deployment's flags are unknown; its status says the request was accepted."));
    }

    @Test
    void aNonJsonSuccessOnStatusFails() {
        server.enqueue(response(CannedAnswer.of(200, "text/html", "<html><head><title>Sign in</title></head></html>")));

        ApiException failure = apiFailure(() -> provider().status(whole("deploymentId")));

        FailureText.assertReads(
                failure,
                "HTTP 200 OK: the body is not the JSON the Azure Device Update API sends (an HTML page: Sign in)",
                "The answer did not come from the Azure Device Update API: check the endpoint or"
                        + " baseUrl and any proxy in between.");
    }

    // ---- errors ----

    @Test
    void specErrorShapeGivesTheMessagesCodesAndInnerError() {
        server.enqueue(
                json(
                        404,
                        "{\"error\":{\"code\":\"NotFound\",\"message\":\"Deployment 'deploymentId' was not found.\","
                                + "\"target\":null,\"details\":[],\"innererror\":{\"code\":\"DeploymentNotFound\",\"message\":\"No such deployment in group TestGroup\","
                                + "\"errorDetail\":\"lookup failed\",\"innerError\":null},\"occurredDateTime\":\"2026-11-20T10:00:00.0000000+00:00\"}}"));

        // A lower-case id, as GA's are (the spec's example id "deploymentId" would add a hint about that).
        ApiException failure = apiFailure(
                () -> ga("deviceClassId").cancel(subgroup("5c2f1a2e-8d6e-4f0b-9a3c-7d4e2b1f6a90", "deviceClassId")));

        assertThat(failure.httpStatus()).isEqualTo(404);
        FailureText.assertReads(
                failure,
                "HTTP 404 Not Found: Deployment 'deploymentId' was not found. (NotFound): "
                        + "No such deployment in group TestGroup (DeploymentNotFound)",
                "Check the deployment id, groupId ('TestGroup'), the device class ('deviceClassId'),"
                        + " the instance ('blue'), the baseUrl (" + displayBaseUrl()
                        + ") and apiVersion (2026-06-01): the 2020 v2 management API,"
                        + " 2021-06-01-preview and the GA versions use different paths.");
    }

    @Test
    void problemDetailsNotFoundFromTheLiveServiceIsReadable() {
        server.enqueue(response(CannedAnswer.of(
                        404,
                        "application/problem+json; charset=utf-8",
                        "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.4\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"traceId\":\"00-5f0c6b1d2e3f40718293a4b5c6d7e8f9-0a1b2c3d4e5f6071-00\"}")
                .withHeader("retry-after", "0")));

        ApiException failure = apiFailure(() -> provider("v2").cancel(whole("deploymentId")));

        assertThat(failure.detail()).isEqualTo("HTTP 404 Not Found: Not Found");
        assertThat(failure.apiText()).isEqualTo("Not Found");
        assertThat(failure.hint())
                .isEqualTo(
                        "Check the deployment id, the instance ('blue'), the baseUrl (" + displayBaseUrl() + ")"
                                + " and apiVersion (v2): the 2020 v2 management API, 2021-06-01-preview and the GA versions use different paths.");
    }

    @Test
    void preview2021NotFoundHintNamesTheGroup() {
        server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));

        ApiException failure = apiFailure(() -> provider("2021-06-01-preview").retry(whole("deploymentId")));

        assertThat(failure.hint())
                .startsWith("Check the deployment id, groupId ('TestGroup'), the instance ('blue'), the baseUrl (")
                .contains("and apiVersion (2021-06-01-preview)");
    }

    @Test
    void gaNotFoundHintPointsOutUpperCaseInTheId() {
        server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));

        ApiException failure =
                apiFailure(() -> ga("deviceClassId").cancel(subgroup("Deployment-ABC", "deviceClassId")));

        assertThat(failure.hint())
                .endsWith("use different paths; GA deployment ids are lower-case, and 'Deployment-ABC' is not.");
    }

    @Test
    void v2NotFoundHintDoesNotAskForLowerCase() {
        server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));

        ApiException failure = apiFailure(() -> provider("v2").cancel(whole("Deployment-ABC")));

        assertThat(failure.hint()).doesNotContain("lower-case");
    }

    @Test
    void theSubgroupListingsNotFoundNamesTheGroupButNoDeviceClass() {
        server.enqueue(json(404, "{\"title\":\"Not Found\",\"status\":404}"));

        ApiException failure = apiFailure(() -> provider().parts(Operation.CANCEL, new DeploymentId("deploymentId")));

        assertThat(failure.detail()).isEqualTo("HTTP 404 Not Found: Not Found");
        assertThat(failure.hint())
                .startsWith("Check the deployment id, groupId ('TestGroup'), the instance ('blue')")
                .doesNotContain("device class");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401|CANCEL|{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The access token is invalid.\"}}|The access token is invalid. (Unauthorized)"
                        + "|Check the token: it may have expired, or have been issued for another resource (it must be for https://api.adu.microsoft.com/), or for another tenant than the account's.",
                "403|RETRY|{\"error\":{\"code\":\"Forbidden\",\"message\":\"The caller is not authorized to perform this operation.\"}}"
                        + "|The caller is not authorized to perform this operation. (Forbidden)"
                        + "|Give the identity the Device Update Deployments Administrator (or Device Update Administrator) role on the account, or check that the token is for the account's tenant.",
                "409|CANCEL|{\"error\":{\"code\":\"Conflict\",\"message\":\"The deployment is already canceled.\"}}|The deployment is already canceled. (Conflict)"
                        + "|The deployment's state does not allow it: check it with the deployment-status goal.",
                "409|RETRY|{\"error\":{\"code\":\"Conflict\",\"message\":\"A canceled deployment cannot be retried.\"}}|A canceled deployment cannot be retried. (Conflict)"
                        + "|The deployment's state does not allow a retry (a canceled deployment cannot be reactivated): check it with the deployment-status goal.",
                "429|CANCEL|{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded.\"}}|Rate limit exceeded. (TooManyRequests)"
                        + "|Azure Device Update's rate limit was reached: wait a while before running again, lower parallelism, or raise maxRetries.",
                "400|CANCEL|{\"error\":{\"code\":\"BadArgument\",\"message\":\"Unsupported api-version.\"}}|Unsupported api-version. (BadArgument)"
                        + "|Check apiVersion (2026-06-01): the account may not offer it; and check the deployment id and groupId.",
                "500|RETRY||''|Azure Device Update had an error on its side: try again later, and see https://azure.status.microsoft/.",
            })
    void everyErrorStatusGivesTheApisTextAndAHint(
            int status, Operation operation, String body, String apiText, String hint) {
        server.enqueue(json(status, body == null ? "" : body));
        AduProvider provider = ga("deviceClassId");
        DeploymentPart part = subgroup("deploymentId", "deviceClassId");

        ApiException failure = apiFailure(() -> act(provider, operation, part));

        String expectedText = apiText.equals("''") ? "" : apiText;
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.apiText()).isEqualTo(expectedText);
        FailureText.assertReads(
                failure,
                "HTTP " + StatusLine.of(status).substring("HTTP/1.1 ".length())
                        + (expectedText.isEmpty() ? " with no error text" : ": " + expectedText),
                hint);
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void v2BadRequestHintDoesNotMentionAGroupV2DoesNotUse() {
        server.enqueue(json(400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid action.\"}}"));

        ApiException failure = apiFailure(() -> provider("v2").cancel(whole("deploymentId")));

        assertThat(failure.hint()).startsWith("Check apiVersion (v2)").doesNotContain("groupId");
    }

    @Test
    void aRedirectIsNotFollowedAndTheTokenGoesNowhereElse() throws Exception {
        server.enqueue(response(CannedAnswer.empty(307).withHeader("Location", "https://elsewhere.example/steal")));

        ApiException failure = apiFailure(() -> provider("v2").cancel(whole("deploymentId")));

        assertThat(failure.httpStatus()).isEqualTo(307);
        assertThat(failure.hint())
                .isEqualTo("Azure Device Update answered with a redirect to https://elsewhere.example/steal, which the"
                        + " plugin does not follow so that the token reaches no other host: check the baseUrl ("
                        + displayBaseUrl() + ").");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterZeroOnASuccessIsNoReasonToRepeat() throws Exception {
        server.enqueue(response(CannedAnswer.of(
                        200,
                        "application/json",
                        SpecExample.load(GA + "DeviceManagement_StopDeployment").body(200))
                .withHeader("retry-after", "0")));

        parameters.put("deviceClassId", "deviceClassId");

        ActionResult result = provider(3).cancel(subgroup("deploymentId", "deviceClassId"));

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retryAfterZeroOnAServiceErrorWaitsOneSecondNotZero() throws Exception {
        server.enqueue(response(CannedAnswer.empty(503).withHeader("retry-after", "0")));
        answer(GA + "DeviceManagement_GetDeploymentStatus");

        DeploymentStatus status = provider(1).status(whole("deploymentId"));

        assertThat(status.state()).isEqualTo("ActiveWithSubgroupFailures");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    // ---- ids and names in the path ----

    @Test
    void idsGroupsAndDeviceClassesAreEachOnePercentEncodedSegment() throws Exception {
        parameters.put("groupId", "Test Group%2F");
        answer(GA + "DeviceManagement_StopDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        AduProvider provider = ga("dc?x#y");

        provider.cancel(subgroup("a b", "dc?x#y"));
        provider.status(whole("a?b"));
        assertThat(server.takeRequest().getTarget())
                .isEqualTo(
                        "/deviceUpdate/blue/management/groups/Test%20Group%252F/deviceClassSubgroups/dc%3Fx%23y/deployments/a%20b:cancel?api-version=2026-06-01");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo(
                        "/deviceUpdate/blue/management/groups/Test%20Group%252F/deployments/a%3Fb/status?api-version=2026-06-01");
    }

    @Test
    void subgroupsTheDeploymentListsAreEncodedLikeAnyOtherSegment() throws Exception {
        answer(
                GA + "DeviceManagement_GetDeployment",
                body -> body.putArray("deviceClassSubgroups").add("class one#x?"));
        answer(GA + "DeviceManagement_StopDeployment");
        AduProvider provider = provider();

        provider.cancel(provider.parts(Operation.CANCEL, new DeploymentId("deploymentId"))
                .get(0));

        server.takeRequest();
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/"
                        + "class%20one%23x%3F/deployments/deploymentId:cancel?api-version=2026-06-01");
    }

    @Test
    void aSubgroupWithASlashListedByTheServiceIsRefusedAndNothingIsCanceled() throws Exception {
        answer(
                GA + "DeviceManagement_GetDeployment",
                body -> body.putArray("deviceClassSubgroups").add("dc1").add("a/b"));
        AduProvider provider = provider();

        assertThatThrownBy(() -> provider.parts(Operation.CANCEL, new DeploymentId("deploymentId")))
                .isInstanceOf(ApiException.class)
                .hasMessage("the deployment lists a device-class subgroup that cannot be sent as one: HTTP 200 OK:"
                        + " deviceClassSubgroups holds 'a/b'");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void dotSubgroupsListedByTheServiceCannotChangeThePath() throws Exception {
        answer(
                GA + "DeviceManagement_GetDeployment",
                body -> body.putArray("deviceClassSubgroups").add("..").add("."));
        answer(GA + "DeviceManagement_StopDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        AduProvider provider = provider();

        List<DeploymentPart> parts;
        try {
            parts = provider.parts(Operation.CANCEL, new DeploymentId("deploymentId"));
        } catch (ApiException refused) {
            return; // Refusing such a listing is as good as never sending to another path.
        }
        for (DeploymentPart part : parts) {
            provider.cancel(part);
        }
        server.takeRequest();
        for (int i = 0; i < parts.size(); i++) {
            assertThat(server.takeRequest().getTarget())
                    .matches(
                            "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/[^/]+/deployments/deploymentId:cancel\\?.*");
        }
    }

    @Test
    void v2AndPreviewIdsArePercentEncodedToo() throws Exception {
        answer("2020-09-01/Deployments_CancelDeployment");
        answer("2021-06-01-preview/DeviceManagement_StopDeployment");

        provider("v2").cancel(whole("a b#c"));
        provider("2021-06-01-preview").cancel(whole("a b#c"));

        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/deviceupdate/blue/v2/management/deployments/a%20b%23c?action=cancel");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo(
                        "/deviceupdate/blue/management/groups/TestGroup/deployments/a%20b%23c?action=cancel&api-version=2021-06-01-preview");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2", "2021-06-01-preview", "2022-10-01"})
    void idsWithASlashAreRefusedByEveryGeneration(String apiVersion) {
        AduProvider provider = provider(apiVersion);
        assertThatThrownBy(() -> provider.checkDeploymentId(new DeploymentId("groups/x/deployments/y")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "The deployment id 'groups/x/deployments/y' contains a slash, which no Azure Device Update deployment id"
                                + " has: give the id alone, not a path or URL.");
        assertThatThrownBy(() -> provider.checkDeploymentId(new DeploymentId("a\\b")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("contains a slash");
    }

    @Test
    void gaRefusesIdsLongerThan73Characters() {
        String longest = "d".repeat(73);
        AduProvider provider = provider();

        assertThatCode(() -> provider.checkDeploymentId(new DeploymentId(longest)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> provider.checkDeploymentId(new DeploymentId(longest + "e")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The deployment id '" + longest
                        + "e' has 74 characters, but Azure Device Update's are at most 73: check the id.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"&", "^", "[", "]", "{", "}", "|", "<", ">", "\""})
    void gaRefusesWhatItsDeploymentDefinitionForbids(String forbidden) {
        AduProvider provider = provider();
        assertThatThrownBy(() -> provider.checkDeploymentId(new DeploymentId("dep" + forbidden + "1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The deployment id 'dep" + forbidden + "1' contains '" + forbidden
                        + "', which Azure Device Update deployment"
                        + " ids cannot hold (none of & ^ [ ] { } | < > / \\ \"): check the id.");
    }

    @Test
    void v2AndThePreviewTakeLongerIdsAndTheGaForbiddenCharacters() {
        for (String apiVersion : List.of("v2", "2021-06-01-preview")) {
            AduProvider provider = provider(apiVersion);
            assertThatCode(() -> provider.checkDeploymentId(new DeploymentId("x".repeat(100) + "&{}")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void upperCaseIdsAreNotRefusedInGaOnlyHinted() {
        assertThatCode(() -> provider().checkDeploymentId(new DeploymentId("Deployment-ABC")))
                .doesNotThrowAnyException();
    }

    // ---- dry run ----

    @Test
    void dryRunShowsTheTokenRequestTheListingAndOneRequestPerSubgroupAndSendsNothing() {
        clientSecret("11111111-2222-3333-4444-555555555555", "contoso.onmicrosoft.com");
        String userAgent = "User-Agent: " + UserAgent.value();

        List<PlannedRequest> plan = provider().plan(Operation.CANCEL, new DeploymentId("deploymentId"));

        assertThat(plan)
                .containsExactly(
                        new PlannedRequest(
                                "POST",
                                "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
                                List.of(
                                        "Accept: application/json",
                                        userAgent,
                                        "Content-Type: application/x-www-form-urlencoded",
                                        "body: grant_type=client_credentials&client_id=11111111-2222-3333-4444-555555555555"
                                                + "&scope=https://api.adu.microsoft.com/.default&client_secret=****"),
                                "once per execution, for the token"),
                        new PlannedRequest(
                                "GET",
                                baseUrl()
                                        + "deviceUpdate/blue/management/groups/TestGroup/deployments/deploymentId?api-version=2026-06-01",
                                List.of(
                                        "Authorization: Bearer ****",
                                        "x-ms-client-request-id: (a new UUID for each request)",
                                        "Accept: application/json",
                                        userAgent),
                                "to list the deployment's subgroups"),
                        new PlannedRequest(
                                "POST",
                                baseUrl()
                                        + "deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/{deviceClassId}"
                                        + "/deployments/deploymentId:cancel?api-version=2026-06-01",
                                List.of(
                                        "Authorization: Bearer ****",
                                        "x-ms-client-request-id: (a new UUID for each request)",
                                        "Accept: application/json",
                                        userAgent),
                                "for each subgroup it lists"));
        assertThat(plan.toString()).doesNotContain(CLIENT_SECRET);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void dryRunWithAReadyTokenShowsOnlyTheOneRequestOfEachGeneration() {
        DeploymentId id = new DeploymentId("deploymentId");
        Map<String, List<PlannedRequest>> plans = new LinkedHashMap<>();
        plans.put("v2 retry", provider("v2").plan(Operation.RETRY, id));
        plans.put("preview cancel", provider("2021-06-01-preview").plan(Operation.CANCEL, id));
        plans.put("ga status", provider("2022-10-01").plan(Operation.STATUS, id));
        plans.put("ga subgroup retry", ga("deviceClassId").plan(Operation.RETRY, id));
        plans.put("ga subgroup status", provider().plan(Operation.STATUS, id));

        assertThat(plans).allSatisfy((name, plan) -> {
            assertThat(plan).hasSize(1);
            assertThat(plan.get(0).headers())
                    .contains("Authorization: Bearer ****")
                    .noneMatch(h -> h.contains(TOKEN));
            assertThat(plan.get(0).note()).isNull();
        });
        assertThat(plans.get("v2 retry").get(0).url())
                .isEqualTo(baseUrl() + "deviceupdate/blue/v2/management/deployments/deploymentId?action=retry");
        assertThat(plans.get("preview cancel").get(0).url())
                .isEqualTo(
                        baseUrl()
                                + "deviceupdate/blue/management/groups/TestGroup/deployments/deploymentId?action=cancel&api-version=2021-06-01-preview");
        assertThat(plans.get("ga status").get(0))
                .extracting(PlannedRequest::method, PlannedRequest::url)
                .containsExactly(
                        "GET",
                        baseUrl()
                                + "deviceUpdate/blue/management/groups/TestGroup/deployments/deploymentId/status?api-version=2022-10-01");
        assertThat(plans.get("ga subgroup retry").get(0).url())
                .isEqualTo(
                        baseUrl()
                                + "deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/deviceClassId/deployments/deploymentId:retry?api-version=2022-10-01");
        assertThat(plans.get("ga subgroup status").get(0).url())
                .isEqualTo(
                        baseUrl()
                                + "deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/deviceClassId/deployments/deploymentId/status?api-version=2022-10-01");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- with a token from Entra ID ----

    @Test
    void aClientSecretGetsOneTokenForEveryRequestOfTheExecution() throws Exception {
        clientSecret("app-id", "tenant-id");
        parameters.put("authorityHost", baseUrl());
        server.enqueue(json(
                200,
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + TOKEN
                        + "\"}"));
        answer(GA + "DeviceManagement_GetDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        answer(GA + "DeviceManagement_StopDeployment");
        AduProvider provider = provider();

        for (DeploymentPart part : provider.parts(Operation.CANCEL, new DeploymentId("deploymentId"))) {
            provider.cancel(part);
        }

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("POST /tenant-id/oauth2/v2.0/token HTTP/1.1");
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getTarget()).startsWith("/deviceUpdate/blue/");
            assertSentWithToken(request);
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(provider.authentication())
                .contains("a client secret of client 'app-id' in tenant 'tenant-id'"
                        + " (from clientSecret), through 127.0.0.1");
        assertThat(masker.mask("token " + TOKEN)).isEqualTo("token ****");
        assertThat(log.text()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aRefusedTokenFailsTheRequestWithoutSendingIt() {
        clientSecret("app-id", "tenant-id");
        parameters.put("authorityHost", baseUrl());
        server.enqueue(json(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\","
                        + "\"error_codes\":[7000215]}"));
        AduProvider provider = ga("deviceClassId");

        ApiException first = apiFailure(() -> provider.cancel(subgroup("deploymentId", "deviceClassId")));
        ApiException second = apiFailure(() -> provider.cancel(subgroup("other", "deviceClassId")));

        assertThat(first.detail())
                .isEqualTo("the token request to 127.0.0.1 was refused: HTTP 401 Unauthorized: "
                        + "AADSTS7000215: Invalid client secret provided. (invalid_client)");
        assertThat(second).isSameAs(first);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- what the log shows ----

    @Test
    void locationAndToStringNameTheAccountButNoCredential() {
        AduProvider provider = ga("deviceClassId");

        assertThat(provider.location())
                .isEqualTo("http://127.0.0.1:" + server.getPort() + " (in place of contoso.api.adu.microsoft.com),"
                        + " instance 'blue', group 'TestGroup', device class 'deviceClassId', API 2026-06-01");
        assertThat(provider.authentication()).contains("a ready access token (from accessToken)");
        assertThat(provider.toString()).doesNotContain(TOKEN).contains("instance 'blue'");
    }
}
