package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake ADU over real loopback HTTP, so that the ITs can trust what it answers, records and changes. */
class FakeAduTest {
    private static final String TOKEN = "test-token-7f3a";
    /** The paths of the three generations, for instance blue and group TestGroup: v2, 2021-06-01-preview, GA. */
    private static final String V2 = "/deviceupdate/blue/v2/management/deployments/";

    private static final String GROUP = "/blue/management/groups/TestGroup/";
    private static final String PREVIEW = "/deviceupdate" + GROUP + "deployments/";
    private static final String PREVIEW_VERSION = "api-version=2021-06-01-preview";
    private static final String GA = "/deviceUpdate" + GROUP + "deployments/";
    private static final String GA_SUB = "/deviceUpdate" + GROUP + "deviceClassSubgroups/";
    private static final String GA_VERSION = "api-version=2022-10-01";
    private static final String UPDATE_ID =
            "\"updateId\":{\"provider\":\"provider\",\"name\":\"name\",\"version\":\"1.2.3.4\"}";
    private static final String START = "\"startDateTime\":\"2020-04-22T12:12:12.0000000+00:00\"";

    private final FakeClient client = new FakeClient();
    private FakeAdu fake;

    @BeforeEach
    void start() {
        fake = FakeAdu.start().acceptToken(TOKEN).deployment("TestGroup", "dep1", List.of("dc1", "dc2", "dc3"));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void listensOnLoopbackWithAnEphemeralPortForInstanceBlue() {
        assertThat(fake.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(fake.instance()).isEqualTo("blue");
        assertThat(fake.subgroup("dep1", "dc1"))
                .isEqualTo(new FakeSubgroup("dc1", "Active", 4, 2, 1, 1, 0, false, false, null, null));
    }

    // v2 management

    @Test
    void v2CancelAnswers200WithTheV2BodyAndCancelsEverySubgroup() throws Exception {
        HttpResponse<String> response = send("POST", V2 + "dep1?action=cancel");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(answered(response))
                .isEqualTo("200 {\"deploymentId\":\"dep1\",\"deploymentType\":\"Complete\","
                        + "\"deviceClassId\":\"dc1\"," + START + ",\"deviceGroupType\":\"DeviceGroupDefinitions\","
                        + "\"deviceGroupDefinition\":[\"TestGroup\"]," + UPDATE_ID
                        + ",\"isCanceled\":true,\"isCompleted\":false,\"isRetry\":false}");
        for (String dc : List.of("dc1", "dc2", "dc3")) {
            assertThat(fake.subgroupState("dep1", dc)).isEqualTo("Canceled");
            assertThat(fake.subgroup("dep1", dc))
                    .isEqualTo(new FakeSubgroup(dc, "Canceled", 4, 0, 1, 1, 2, true, false, null, null));
        }
        assertThat(fake.deployment("dep1").isCanceled()).isTrue();
    }

    @Test
    void v2RetrySendsTheFailedDevicesBackIntoProgress() throws Exception {
        HttpResponse<String> response = send("POST", V2 + "dep1?action=retry");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("\"isCanceled\":false,\"isCompleted\":false,\"isRetry\":true}");
        assertThat(fake.subgroup("dep1", "dc2"))
                .isEqualTo(new FakeSubgroup("dc2", "Active", 4, 3, 1, 0, 0, false, true, null, null));
        assertThat(fake.deployment("dep1").isRetried()).isTrue();
    }

    @Test
    void v2GetAndStatusReadTheDeploymentAndEachStatusReadFinishesOneDevicePerSubgroup() throws Exception {
        HttpResponse<String> get = send("GET", V2 + "dep1");
        HttpResponse<String> status = send("GET", V2 + "dep1/status");

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body())
                .contains("\"deploymentId\":\"dep1\"", "\"isCanceled\":false,\"isCompleted\":false,\"isRetry\":false");
        assertThat(answered(status))
                .isEqualTo("200 {\"deploymentState\":\"ActiveWithSubgroupFailures\",\"totalDevices\":12,"
                        + "\"devicesIncompatibleCount\":0,\"devicesInProgressCount\":3,\"devicesCompletedFailedCount\":3,"
                        + "\"devicesCompletedSucceededCount\":6,\"devicesCanceledCount\":0}");
        assertThat(send("GET", V2 + "dep1/status").body())
                .contains("\"devicesInProgressCount\":0", "\"devicesCompletedSucceededCount\":9");
        assertThat(send("GET", V2 + "dep1/status").body()).contains("\"devicesInProgressCount\":0");
        assertThat(send("GET", V2 + "dep1").body()).contains("\"isCompleted\":true");
    }

    @Test
    void v2TakesNoApiVersionAndNeedsAnAction() throws Exception {
        HttpResponse<String> versioned = send("GET", V2 + "dep1?" + GA_VERSION);
        HttpResponse<String> noAction = send("POST", V2 + "dep1");
        HttpResponse<String> badAction = send("POST", V2 + "dep1?action=stop");
        HttpResponse<String> getWithAction = send("GET", V2 + "dep1?action=cancel");

        assertAzureError(versioned, 400, "UnsupportedApiVersion");
        assertThat(FakeClient.answer(noAction))
                .isEqualTo("400 {\"error\":{\"code\":\"BadRequest\",\"message\":"
                        + "\"The action query parameter must be 'cancel' or 'retry'.\"}}");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertAzureError(getWithAction, 404, "NotFound");
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    // 2021-06-01-preview

    @Test
    void previewCancelAnswersThePreviewBodyAndCancelsEverySubgroup() throws Exception {
        HttpResponse<String> response = send("POST", PREVIEW + "dep1?action=cancel&" + PREVIEW_VERSION);

        assertThat(answered(response))
                .isEqualTo("200 {\"deploymentId\":\"dep1\",\"groupId\":\"TestGroup\"," + START + "," + UPDATE_ID
                        + ",\"isCanceled\":true,\"isRetried\":false}");
        assertThat(fake.deployment("dep1").subgroups()).allMatch(FakeSubgroup::isCanceled);
    }

    @Test
    void previewRetryGetAndStatus() throws Exception {
        HttpResponse<String> retry = send("POST", PREVIEW + "dep1?api-version=2021-06-01-preview&action=retry");
        HttpResponse<String> get = send("GET", PREVIEW + "dep1?" + PREVIEW_VERSION);
        HttpResponse<String> status = send("GET", PREVIEW + "dep1/status?" + PREVIEW_VERSION);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).endsWith("\"isCanceled\":false,\"isRetried\":true}");
        assertThat(get.body()).isEqualTo(retry.body());
        // After the retry each subgroup has 3 in progress; the read finishes one of each.
        assertThat(status.body())
                .isEqualTo("{\"groupId\":\"TestGroup\",\"deploymentState\":\"Active\",\"totalDevices\":12,"
                        + "\"devicesInProgressCount\":6,\"devicesCompletedFailedCount\":0,\"devicesCompletedSucceededCount\":6,"
                        + "\"devicesCanceledCount\":0}");
    }

    @Test
    void thePreviewPathsTakeOnlyThePreviewApiVersion() throws Exception {
        HttpResponse<String> missing = send("POST", PREVIEW + "dep1?action=cancel");
        HttpResponse<String> ga = send("POST", PREVIEW + "dep1?action=cancel&" + GA_VERSION);

        assertAzureError(missing, 400, "MissingApiVersionParameter");
        assertThat(missing.headers().firstValue("retry-after")).hasValue("0");
        assertAzureError(ga, 400, "UnsupportedApiVersion").contains("2021-06-01-preview");
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    // GA

    @Test
    void gaCancelOfOneSubgroupCancelsOnlyThatOne() throws Exception {
        HttpResponse<String> response = send("POST", GA_SUB + "dc2/deployments/dep1:cancel?" + GA_VERSION);

        assertThat(answered(response))
                .isEqualTo("200 {\"deploymentId\":\"dep1\",\"groupId\":\"TestGroup\"," + START + ",\"update\":{"
                        + UPDATE_ID + "},\"isCanceled\":true,\"isRetried\":false}");
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
        assertThat(fake.subgroupState("dep1", "dc2")).isEqualTo("Canceled");
        assertThat(fake.subgroupState("dep1", "dc3")).isEqualTo("Active");
        assertThat(fake.deployment("dep1").isCanceled()).isFalse();
        assertThat(fake.onlyRequest("POST", GA_SUB + "dc2/deployments/dep1:cancel")
                        .query())
                .isEqualTo(GA_VERSION);
    }

    @Test
    void gaCancelOfEverySubgroupCancelsTheDeploymentAndCancelingAgainChangesNothing() throws Exception {
        for (String dc : List.of("dc1", "dc2", "dc3")) {
            assertThat(send("POST", GA_SUB + dc + "/deployments/dep1:cancel?" + GA_VERSION)
                            .statusCode())
                    .isEqualTo(200);
        }
        FakeAduDeployment canceled = fake.deployment("dep1");
        HttpResponse<String> again = send("POST", GA_SUB + "dc1/deployments/dep1:cancel?api-version=2026-06-01");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"isCanceled\":true");
        assertThat(fake.deployment("dep1")).isEqualTo(canceled);
        assertThat(send("GET", GA + "dep1?" + GA_VERSION).body()).contains("\"isCanceled\":true");
        assertThat(send("GET", GA + "dep1/status?" + GA_VERSION).body())
                .startsWith("{\"groupId\":\"TestGroup\",\"deploymentState\":\"Canceled\",");
    }

    @Test
    void gaRetryOfOneSubgroup() throws Exception {
        HttpResponse<String> response =
                send("POST", GA_SUB + "dc3/deployments/dep1:retry?api-version=2023-10-01-preview");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("\"isCanceled\":false,\"isRetried\":true}");
        assertThat(fake.subgroup("dep1", "dc3").isRetried()).isTrue();
        assertThat(fake.subgroup("dep1", "dc3").devicesFailed()).isZero();
        assertThat(fake.subgroup("dep1", "dc1").isRetried()).isFalse();
    }

    @Test
    void retryingACanceledSubgroupAnswers409AndChangesNothing() throws Exception {
        send("POST", GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION);
        FakeSubgroup canceled = fake.subgroup("dep1", "dc1");

        HttpResponse<String> response = send("POST", GA_SUB + "dc1/deployments/dep1:retry?" + GA_VERSION);

        assertThat(answered(response))
                .startsWith("409 {\"error\":{\"code\":\"DeploymentCanceled\",\"message\":\"Deployment 'dep1'");
        assertThat(fake.subgroup("dep1", "dc1")).isEqualTo(canceled);
    }

    @Test
    void aWholeDeploymentRetryRetriesTheSubgroupsNotCanceledAndIs409OnlyWhenAllAre() throws Exception {
        send("POST", GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION);

        assertThat(send("POST", V2 + "dep1?action=retry").statusCode()).isEqualTo(200);
        assertThat(fake.subgroup("dep1", "dc1").isRetried()).isFalse();
        assertThat(fake.subgroup("dep1", "dc2").isRetried()).isTrue();

        send("POST", V2 + "dep1?action=cancel");
        HttpResponse<String> refused = send("POST", PREVIEW + "dep1?action=retry&" + PREVIEW_VERSION);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"DeploymentCanceled\"");
    }

    @Test
    void gaGroupGetListsTheSubgroups() throws Exception {
        HttpResponse<String> response = send("GET", GA + "dep1?" + GA_VERSION);

        assertThat(FakeClient.answer(response))
                .isEqualTo("200 {\"deploymentId\":\"dep1\"," + START + ",\"groupId\":\"TestGroup\","
                        + "\"deviceClassSubgroups\":[\"dc1\",\"dc2\",\"dc3\"],\"update\":{" + UPDATE_ID + "},"
                        + "\"isCanceled\":false,\"isRetried\":false,\"isCloudInitiatedRollback\":false}");
    }

    @Test
    void gaGroupStatusListsEachSubgroupWithItsErrorAndMovesThemAllOn() throws Exception {
        fake.subgroup("dep1", "dc2", "Failed", 2, 0, 1, 1, 0)
                .subgroupError(
                        "dep1", "dc2", "ADMConfigurationLimitExceeded", "The subgroup deployment failed to be created");

        HttpResponse<String> response = send("GET", GA + "dep1/status?" + GA_VERSION);

        assertThat(FakeClient.answer(response))
                .isEqualTo(
                        "200 {\"groupId\":\"TestGroup\",\"deploymentState\":\"ActiveWithSubgroupFailures\","
                                + "\"subgroupStatus\":["
                                + "{\"groupId\":\"TestGroup\",\"deviceClassId\":\"dc1\",\"deploymentState\":\"Active\",\"totalDevices\":4,"
                                + "\"devicesInProgressCount\":1,\"devicesCompletedFailedCount\":1,\"devicesCompletedSucceededCount\":2,\"devicesCanceledCount\":0},"
                                + "{\"groupId\":\"TestGroup\",\"deviceClassId\":\"dc2\",\"deploymentState\":\"Failed\","
                                + "\"error\":{\"code\":\"ADMConfigurationLimitExceeded\",\"message\":\"The subgroup deployment failed to be created\"},"
                                + "\"totalDevices\":2,"
                                + "\"devicesInProgressCount\":0,\"devicesCompletedFailedCount\":1,\"devicesCompletedSucceededCount\":1,\"devicesCanceledCount\":0},"
                                + "{\"groupId\":\"TestGroup\",\"deviceClassId\":\"dc3\",\"deploymentState\":\"Active\",\"totalDevices\":4,"
                                + "\"devicesInProgressCount\":1,\"devicesCompletedFailedCount\":1,\"devicesCompletedSucceededCount\":2,\"devicesCanceledCount\":0}]}");
    }

    @Test
    void gaSubgroupGetAndStatusShowOneSubgroupAndMoveOnlyItOn() throws Exception {
        HttpResponse<String> get = send("GET", GA_SUB + "dc1/deployments/dep1?" + GA_VERSION);
        HttpResponse<String> status = send("GET", GA_SUB + "dc1/deployments/dep1/status?" + GA_VERSION);

        assertThat(FakeClient.answer(get))
                .isEqualTo("200 {\"deploymentId\":\"dep1\"," + START + ",\"groupId\":\"TestGroup\",\"update\":{"
                        + UPDATE_ID + "},\"isCanceled\":false,\"isRetried\":false,\"isCloudInitiatedRollback\":false}");
        assertThat(FakeClient.answer(status))
                .isEqualTo("200 {\"groupId\":\"TestGroup\",\"deviceClassId\":\"dc1\",\"deploymentState\":\"Active\","
                        + "\"totalDevices\":4,\"devicesInProgressCount\":1,\"devicesCompletedFailedCount\":1,"
                        + "\"devicesCompletedSucceededCount\":2,\"devicesCanceledCount\":0}");
        assertThat(fake.subgroup("dep1", "dc2").devicesInProgress()).isEqualTo(2);
    }

    @Test
    void pollingTheStatusSeesTheCountsMoveUntilNothingIsInProgress() throws Exception {
        fake.subgroup("dep1", "dc1", "Active", 5, 3, 2, 0, 0);
        String path = GA_SUB + "dc1/deployments/dep1/status?" + GA_VERSION;

        assertThat(send("GET", path).body())
                .contains("\"devicesInProgressCount\":2", "\"devicesCompletedSucceededCount\":3");
        assertThat(send("GET", path).body()).contains("\"devicesInProgressCount\":1");
        assertThat(send("GET", path).body())
                .contains("\"devicesInProgressCount\":0", "\"devicesCompletedSucceededCount\":5");
        assertThat(send("GET", path).body())
                .contains("\"devicesInProgressCount\":0", "\"devicesCompletedSucceededCount\":5");
    }

    @Test
    void theGaPathsTakeTheGaApiVersionsOnly() throws Exception {
        assertThat(send("GET", GA + "dep1").statusCode()).isEqualTo(400);
        HttpResponse<String> preview = send("POST", GA_SUB + "dc1/deployments/dep1:cancel?" + PREVIEW_VERSION);
        assertAzureError(preview, 400, "UnsupportedApiVersion").contains("2022-10-01, 2023-10-01-preview, 2026-06-01");
        for (String version : List.of("2022-10-01", "2023-10-01-preview", "2026-06-01")) {
            assertThat(send("GET", GA + "dep1?api-version=" + version).statusCode())
                    .as(version)
                    .isEqualTo(200);
        }
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    @Test
    void gaHasNoGroupLevelCancel() throws Exception {
        HttpResponse<String> response = send("POST", GA + "dep1:cancel?" + GA_VERSION);

        assertAzureError(response, 404, "NotFound").contains("only per device-class subgroup");
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    @Test
    void unknownShapesAndWrongMethodsAnswer404InTheAzureShape() throws Exception {
        for (String path : List.of(
                "/deviceupdate/blue/v2/management/deployments",
                "/DeviceUpdate/blue/management/groups/TestGroup/deployments/dep1?" + GA_VERSION,
                "/deviceupdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/dep1:cancel?"
                        + PREVIEW_VERSION,
                GA_SUB + "dc1/deployments/dep1:stop?" + GA_VERSION,
                GA + "dep1/devices?" + GA_VERSION,
                "/")) {
            HttpResponse<String> response = send("POST", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValue("application/json; charset=utf-8");
            assertThat(response.body()).as(path).startsWith("{\"error\":{\"code\":\"NotFound\",\"message\":\"");
        }
        assertThat(send("GET", GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", GA + "dep1/status?" + GA_VERSION).body()).contains("It takes GET.");
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    // Not found

    @Test
    void unknownDeploymentsGroupsSubgroupsAndInstancesAnswerTheLiveProblemDetails() throws Exception {
        for (String path : List.of(
                V2 + "nope?action=cancel",
                PREVIEW + "nope?action=cancel&" + PREVIEW_VERSION,
                GA_SUB + "dc1/deployments/nope:cancel?" + GA_VERSION,
                GA_SUB + "dc9/deployments/dep1:cancel?" + GA_VERSION,
                "/deviceUpdate/blue/management/groups/Other/deployments/dep1?" + GA_VERSION,
                "/deviceupdate/green/v2/management/deployments/dep1?action=cancel")) {
            HttpResponse<String> response = send(path.contains("action") || path.contains(":") ? "POST" : "GET", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValue("application/problem+json; charset=utf-8");
            assertThat(response.headers().firstValue("retry-after")).as(path).hasValue("0");
            assertThat(response.body())
                    .as(path)
                    .matches(
                            "\\{\"type\":\"https://tools\\.ietf\\.org/html/rfc7231#section-6\\.5\\.4\","
                                    + "\"title\":\"Not Found\",\"status\":404,\"traceId\":\"00-[0-9a-f]{32}-[0-9a-f]{16}-00\"}");
        }
        assertThat(fake.deployment("dep1").subgroups()).noneMatch(FakeSubgroup::isCanceled);
    }

    @Test
    void aDeploymentOfAnotherGroupIsNotFoundThroughThisGroup() throws Exception {
        fake.deployment("OtherGroup", "dep2", List.of("dc1"));

        assertThat(send("GET", GA + "dep2?" + GA_VERSION).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/deviceUpdate/blue/management/groups/OtherGroup/deployments/dep2?" + GA_VERSION)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void errorsAsAzureJsonGivesTheSpecShapeWithTheMissingPartInTheInnerError() throws Exception {
        fake.errorsAsAzureJson();

        HttpResponse<String> deployment = send("POST", GA_SUB + "dc1/deployments/nope:cancel?" + GA_VERSION);
        HttpResponse<String> subgroup = send("GET", GA_SUB + "dc9/deployments/dep1/status?" + GA_VERSION);

        assertThat(deployment.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(FakeClient.answer(deployment))
                .isEqualTo(
                        "404 {\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"Deployment 'nope' was not found.\","
                                + "\"innererror\":{\"code\":\"DeploymentNotFound\",\"message\":\"No deployment 'nope' exists where the path looks for it.\"}}}");
        assertThat(subgroup.body())
                .startsWith(
                        "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"Deployment 'dep1' was not found.\","
                                + "\"innererror\":{\"code\":\"DeviceClassSubgroupNotFound\",\"message\":\"Device class subgroup 'dc9'");
    }

    @Test
    void anotherInstanceCanBeChosen() throws Exception {
        try (FakeAdu green = FakeAdu.start("green").acceptToken(TOKEN).deployment("g", "d", List.of("c"))) {
            String path = "/v2/management/deployments/d";

            assertThat(client.send(
                                    "GET",
                                    green.url() + "/deviceupdate/green" + path,
                                    "Authorization",
                                    "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(client.send("GET", green.url() + "/deviceupdate/blue" + path, "Authorization", "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    // Auth

    @Test
    void aMissingOrUnknownTokenAnswers401BeforeAnythingElseAndIsStillRecorded() throws Exception {
        fake.answerAlways("dep1", CannedAnswer.empty(500));
        String path = GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION;

        for (String[] authorization :
                new String[][] {{}, {"Authorization", "Bearer other"}, {"Authorization", "Basic " + TOKEN}}) {
            HttpResponse<String> response = client.send("POST", fake.url() + path, authorization);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("retry-after")).hasValue("0");
            assertThat(response.body())
                    .startsWith("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"")
                    .doesNotContain("other");
        }
        assertThat(fake.requests("POST", GA_SUB + "dc1/deployments/dep1:cancel"))
                .hasSize(3);
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Active");
    }

    @Test
    void tokensThatATrustedEntraIssuesAreAccepted() throws Exception {
        try (FakeEntra entra = FakeEntra.start().client("tenant-1", "client-1", "secret-1")) {
            fake.trust(entra);
            String form = "grant_type=client_credentials&client_id=client-1&client_secret=secret-1"
                    + "&scope=https%3A%2F%2Fapi.adu.microsoft.com%2F.default";
            client.postForm(entra.tokenUrl("tenant-1"), form);
            String issued = entra.issuedTokens().get(0);

            HttpResponse<String> response =
                    client.send("GET", fake.url() + GA + "dep1?" + GA_VERSION, "Authorization", "Bearer " + issued);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(fake.requests().get(0).header("Authorization")).isEqualTo("Bearer " + issued);
        }
    }

    // Flags and forced answers

    @Test
    void omitFalseFlagsLeavesOutTheFalseBooleansInEveryGeneration() throws Exception {
        fake.omitFalseFlags();

        assertThat(send("GET", V2 + "dep1").body()).doesNotContain("isCanceled", "isCompleted", "isRetry");
        assertThat(send("GET", PREVIEW + "dep1?" + PREVIEW_VERSION).body()).doesNotContain("isCanceled", "isRetried");
        assertThat(send("GET", GA + "dep1?" + GA_VERSION).body()).endsWith("\"update\":{" + UPDATE_ID + "}}");
        assertThat(send("POST", GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION)
                        .body())
                .endsWith("\"update\":{" + UPDATE_ID + "},\"isCanceled\":true}");
        assertThat(send("GET", GA_SUB + "dc1/deployments/dep1?" + GA_VERSION).body())
                .endsWith(",\"isCanceled\":true}");
    }

    @Test
    void aSubgroupKeyedAnswerBeatsTheDeploymentKeyedOneForThatSubgroupOnly() throws Exception {
        fake.answerAlways("dep1/dc2", CannedAnswer.errorObject(500, "Internal error", "InternalServerError"))
                .answerAlways("dep1", CannedAnswer.errorObject(503, "Busy", "ServiceUnavailable"));

        HttpResponse<String> dc2 = send("POST", GA_SUB + "dc2/deployments/dep1:cancel?" + GA_VERSION);
        HttpResponse<String> dc1 = send("POST", GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION);
        HttpResponse<String> group = send("GET", GA + "dep1/status?" + GA_VERSION);
        HttpResponse<String> v2 = send("POST", V2 + "dep1?action=cancel");

        assertThat(FakeClient.answer(dc2))
                .isEqualTo("500 {\"error\":{\"message\":\"Internal error\",\"code\":\"InternalServerError\"}}");
        assertThat(dc2.headers().firstValue("retry-after")).hasValue("0");
        assertThat(dc1.statusCode()).isEqualTo(503);
        assertThat(group.statusCode()).isEqualTo(503);
        assertThat(v2.statusCode()).isEqualTo(503);
        assertThat(fake.deployment("dep1").subgroups()).noneMatch(FakeSubgroup::isCanceled);
    }

    @Test
    void aOnceAnswerIsUsedOnceAndItsOwnRetryAfterIsKept() throws Exception {
        fake.answerOnce(
                "dep1/dc1",
                CannedAnswer.errorObject(429, "Too many requests", "TooManyRequests")
                        .withHeader("Retry-After", "2"));
        String path = GA_SUB + "dc1/deployments/dep1:cancel?" + GA_VERSION;

        HttpResponse<String> limited = send("POST", path);
        HttpResponse<String> then = send("POST", path);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().allValues("retry-after")).containsExactly("2");
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(fake.subgroupState("dep1", "dc1")).isEqualTo("Canceled");
    }

    @Test
    void aForcedAnswerNeedsNoDeployment() throws Exception {
        fake.answerAlways("ghost", CannedAnswer.empty(502));

        assertThat(send("GET", V2 + "ghost").statusCode()).isEqualTo(502);
    }

    // Ids, start times, script helpers

    @Test
    void idsArePercentDecodedAndOnlyALiteralColonStartsTheAction() throws Exception {
        fake.deployment("Test Group", "dep:1", List.of("dc/1"));
        String sub = "/deviceUpdate/blue/management/groups/Test%20Group/deviceClassSubgroups/dc%2F1/deployments/";

        HttpResponse<String> cancel = send("POST", sub + "dep%3A1:cancel?" + GA_VERSION);
        HttpResponse<String> encodedAction = send("POST", sub + "dep%3A1%3Acancel?" + GA_VERSION);

        assertThat(FakeClient.answer(cancel)).startsWith("200 {\"deploymentId\":\"dep:1\",\"groupId\":\"Test Group\"");
        assertThat(fake.subgroupState("dep:1", "dc/1")).isEqualTo("Canceled");
        assertThat(fake.onlyRequest("POST", sub + "dep%3A1:cancel").method()).isEqualTo("POST");
        assertThat(encodedAction.statusCode()).isEqualTo(404);
        assertThat(send("POST", sub + "dep%3A:cancel?" + GA_VERSION).statusCode())
                .isEqualTo(404);
        // No client sends a bad escape, so the route is asked directly.
        assertThat(AduRoute.of(sub + "dep%ZZ")).isEmpty();
        assertThat(AduRoute.of(sub + "dep%2")).isEmpty();
    }

    @Test
    void deploymentsTakeTheThreeStartTimeFormsInTurnOrAChosenOne() {
        fake.deployment("g", "second", List.of("c"))
                .deployment("g", "third", List.of("c"))
                .deployment("g", "fourth", List.of("c"));
        fake.addDeployment(fake.deployment("fourth")
                .withStartDateTime("2021-01-01T00:00:00Z")
                .withUpdate("contoso", "toaster", "2.0"));

        assertThat(fake.deployment("dep1").startDateTime()).isEqualTo("2020-04-22T12:12:12.0000000+00:00");
        assertThat(fake.deployment("second").startDateTime()).isEqualTo("2020-07-01T12:13:14Z");
        assertThat(fake.deployment("third").startDateTime()).isEqualTo("2020-04-22T05:12:12-07:00");
        assertThat(fake.deployment("fourth").startDateTime()).isEqualTo("2021-01-01T00:00:00Z");
        assertThat(fake.deployment("fourth").updateId()).isEqualTo(new AduUpdateId("contoso", "toaster", "2.0"));
        assertThat(fake.deployment("nope")).isNull();
    }

    @Test
    void subgroupAddsAClassTheDeploymentLacksAndFailsForAnUnknownDeployment() {
        fake.subgroup("dep1", "dc4", "Canceled", 3, 0, 1, 0, 2);

        assertThat(fake.deployment("dep1").deviceClassIds()).containsExactly("dc1", "dc2", "dc3", "dc4");
        assertThat(fake.subgroup("dep1", "dc4").isCanceled()).isTrue();
        assertThatThrownBy(() -> fake.subgroup("nope", "dc1", "Active", 1, 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> fake.subgroupState("dep1", "dc9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[dc1, dc2, dc3, dc4]");
    }

    @Test
    void theGroupStateFollowsItsSubgroups() {
        assertThat(state(FakeSubgroup.of("a", "Active", 1, 1, 0, 0, 0))).isEqualTo("Active");
        assertThat(state(FakeSubgroup.of("a", "Active", 1, 0, 0, 1, 0))).isEqualTo("ActiveWithSubgroupFailures");
        assertThat(state(FakeSubgroup.of("a", "Active", 1, 1, 0, 0, 0), FakeSubgroup.of("b", "Failed", 1, 0, 0, 0, 0)))
                .isEqualTo("ActiveWithSubgroupFailures");
        assertThat(state(
                        FakeSubgroup.of("a", "Canceled", 1, 0, 0, 0, 1),
                        FakeSubgroup.of("b", "Canceled", 1, 0, 0, 0, 1)))
                .isEqualTo("Canceled");
        assertThat(state(
                        FakeSubgroup.of("a", "Failed", 1, 0, 0, 1, 0), FakeSubgroup.of("b", "Canceled", 1, 0, 0, 0, 1)))
                .isEqualTo("Failed");
        assertThat(state(FakeSubgroup.of("a", "Inactive", 1, 0, 1, 0, 0))).isEqualTo("Inactive");
    }

    @Test
    void onlyRequestSaysWhatWasReceivedWhenTheCountIsWrong() throws Exception {
        send("GET", V2 + "dep1");

        assertThatThrownBy(() -> fake.onlyRequest("POST", V2 + "dep1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("got 0")
                .hasMessageContaining("GET " + V2 + "dep1");
    }

    private static String state(FakeSubgroup... subgroups) {
        return new FakeAduDeployment("d", "g", List.of(subgroups), "2020-07-01T12:13:14Z", AduUpdateId.EXAMPLE)
                .deploymentState();
    }

    /** Asserts the error shape Azure answers with, {@code <status> {"error":{"code":"<code>","message":"...}. */
    private static AbstractStringAssert<?> assertAzureError(HttpResponse<String> response, int status, String code) {
        return assertThat(FakeClient.answer(response))
                .startsWith(status + " {\"error\":{\"code\":\"" + code + "\",\"message\":\"");
    }

    /** An answer's status and body; every answer carries retry-after: 0, as the live service sends it. */
    private static String answered(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("retry-after"))
                .as("retry-after")
                .hasValue("0");
        return FakeClient.answer(response);
    }

    private HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
        return client.send(method, fake.url() + pathAndQuery, "Authorization", "Bearer " + TOKEN);
    }
}
