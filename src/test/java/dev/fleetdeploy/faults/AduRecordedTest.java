package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.ReceivedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Azure Device Update as its SDKs recorded it (src/test/resources/adu/recorded, verbatim): the 2020 v2 API's cancel
 * and status (with the counts that make up its total, and Superseded as a final state), the live 404's problem
 * details with their traceId, a 2021-06-01-preview deployment, a GA deployment as listed; 2022-07-01-preview and the
 * new default 2026-06-01; and the x-ms-client-request-id every ADU request carries.
 */
class AduRecordedTest {
    static final String JSON = "application/json; charset=utf-8";

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final FakeAdu adu = cleanup.add(FakeAdu.start().acceptToken(FaultRig.ADU_TOKEN));

    static String recorded(String path) {
        try (InputStream in = AduRecordedTest.class.getResourceAsStream("/adu/recorded/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FaultRig v2() {
        return FaultRig.adu(adu.url())
                .set("apiVersion", "v2")
                .set("groupId", null)
                .set("deviceClassId", null);
    }

    @Test
    void theV2CancelAnswerAsRecorded() throws Exception {
        String id = "68176a1f699e43489764b646ca08aac9";
        adu.answerAlways(id, CannedAnswer.of(200, JSON, recorded("v2-2020/cancel-deployment.json")));

        Run run = v2().cancel(id);

        assertThat(run.success().action().summary())
                .isEqualTo("HTTP 200: isCanceled=true, isRetry=false, isCompleted=false");
    }

    @Test
    void theV2StatusAsRecordedShowsEveryCountOfItsTotal() throws Exception {
        adu.answerAlways("dep-1", CannedAnswer.of(200, JSON, recorded("v2-2020/deployment-status.json")));

        Run run = v2().run(Operation.STATUS, "dep-1");

        DeploymentStatus status = run.success().status();
        assertThat(status.summary())
                .isEqualTo("Active; 1 device: 1 succeeded, 0 failed, 0 in progress, 0 canceled, 0 incompatible,"
                        + " 0 already in deployment");
        assertThat(status.terminal()).isTrue();
    }

    @Test
    void incompatibleDevicesAndThoseAlreadyInTheDeploymentMakeTheCountsAddUpToTheTotal() throws Exception {
        // The recorded body's shape, with every count set.
        String body = recorded("v2-2020/deployment-status.json")
                .replace("\"totalDevices\":1", "\"totalDevices\":10")
                .replace("\"devicesIncompatibleCount\":0", "\"devicesIncompatibleCount\":2")
                .replace("\"devicesAlreadyInDeploymentCount\":0", "\"devicesAlreadyInDeploymentCount\":1")
                .replace("\"devicesInProgressCount\":0", "\"devicesInProgressCount\":2")
                .replace("\"devicesCompletedFailedCount\":0", "\"devicesCompletedFailedCount\":1")
                .replace("\"devicesCompletedSucceededCount\":1", "\"devicesCompletedSucceededCount\":3")
                .replace("\"devicesCanceledCount\":0", "\"devicesCanceledCount\":1");
        adu.answerAlways("dep-1", CannedAnswer.of(200, JSON, body));

        DeploymentStatus status = v2().run(Operation.STATUS, "dep-1").success().status();

        assertThat(status.summary())
                .isEqualTo("Active; 10 devices: 3 succeeded, 1 failed, 2 in progress, 1 canceled, 2 incompatible,"
                        + " 1 already in deployment");
        assertThat(status.counts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(status.total());
    }

    @Test
    void supersededIsAFinalStateOfThe2020Api() throws Exception {
        // A newer deployment to the same devices: this one will not move, whatever its counts say.
        String body = recorded("v2-2020/deployment-status.json")
                .replace("\"Active\"", "\"Superseded\"")
                .replace("\"devicesInProgressCount\":0", "\"devicesInProgressCount\":4");
        adu.answerAlways("dep-1", CannedAnswer.of(200, JSON, body));

        Run run = v2().waitForFinalState(java.time.Duration.ofSeconds(10)).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).isEqualTo("Superseded");
        assertThat(run.success().status().terminal()).isTrue();
        assertThat(run.sleeps()).isEmpty();
    }

    @Test
    void aFailureShowsTheTraceIdOfTheProblemDetailsAndTheRequestsClientRequestId() throws Exception {
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));
        adu.answerAlways(
                "dep-1",
                CannedAnswer.of(404, "application/problem+json; charset=utf-8", recorded("not-found-problem.json")));

        Run run = FaultRig.adu(adu.url()).cancel("dep-1");

        ReceivedRequest cancel = adu.requests().get(0);
        String requestId = cancel.header("x-ms-client-request-id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(run.failure().supportIds())
                .containsExactly(
                        Map.entry("traceId", "00-8632aaf937c3b243b44dfef501f00121-df96cb46c2281249-00"),
                        Map.entry("x-ms-client-request-id", requestId));
        assertThat(run.message())
                .startsWith("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP 404 Not"
                        + " Found: Not Found. Check the deployment id")
                .endsWith(" Support ids: traceId 00-8632aaf937c3b243b44dfef501f00121-df96cb46c2281249-00,"
                        + " x-ms-client-request-id " + requestId + ".");
    }

    @Test
    void aRequestThatGotNoAnswerNamesItsClientRequestIdToo() throws Exception {
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));
        adu.answerAlways("dep-1", CannedAnswer.of(200, JSON, "{}").afterSeconds(3));

        Run run = FaultRig.adu(adu.url())
                .retries(0)
                .readTimeout(java.time.Duration.ofMillis(300))
                .cancel("dep-1");

        String requestId = adu.requests().get(0).header("x-ms-client-request-id");
        assertThat(run.failure().supportIds()).containsExactly(Map.entry("x-ms-client-request-id", requestId));
        assertThat(run.message()).endsWith("Support ids: x-ms-client-request-id " + requestId + ".");
    }

    @Test
    void everyAduRequestCarriesAFreshClientRequestIdAndDatadogsNone() throws Exception {
        adu.deployment("TestGroup", "dep-1", List.of("dc1", "dc2"));

        FaultRig.adu(adu.url()).set("deviceClassId", null).cancel("dep-1");

        List<String> ids = adu.requests().stream()
                .map(request -> request.header("x-ms-client-request-id"))
                .toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().allSatisfy(id -> UUID.fromString(id));
        try (FakeDatadog datadog = FakeDatadog.start(FaultRig.DD_API_KEY, FaultRig.DD_APP_KEY)) {
            datadog.deployment("dep-1", "running", 1);
            FaultRig.datadog(datadog.url()).cancel("dep-1");
            assertThat(datadog.requests())
                    .singleElement()
                    .satisfies(request ->
                            assertThat(request.header("x-ms-client-request-id")).isNull());
        }
    }

    @Test
    void a2021PreviewDeploymentAsRecorded() throws Exception {
        adu.answerAlways(
                "testdeployment1", CannedAnswer.of(200, JSON, recorded("2021-06-01-preview/get-deployment.json")));

        Run run = FaultRig.adu(adu.url())
                .set("apiVersion", "2021-06-01-preview")
                .set("groupId", "joegroup")
                .set("deviceClassId", null)
                .cancel("testdeployment1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200: isCanceled=false, isRetry=false");
    }

    @Test
    void aGaDeploymentAsListedNamesTheSubgroupsToCancel() throws Exception {
        String subgroup = "0919e3ae422a2bfa8c84ff905813e60351e456d1";
        adu.deployment("dpokluda-test", "test0809083849", List.of(subgroup));
        adu.answerOnce("test0809083849", CannedAnswer.of(200, JSON, recorded("2022-10-01/list-deployments-item.json")));

        Run run = FaultRig.adu(adu.url())
                .set("groupId", "dpokluda-test")
                .set("deviceClassId", null)
                .cancel("test0809083849");

        assertThat(run.success().part().subgroup()).isEqualTo(subgroup);
        assertThat(adu.subgroupState("test0809083849", subgroup)).isEqualTo("Canceled");
    }

    @Test
    void the2022PreviewIsGaShaped() throws Exception {
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));

        Run run =
                FaultRig.adu(adu.url()).set("apiVersion", "2022-07-01-preview").cancel("dep-1");

        run.success();
        assertThat(adu.requests())
                .singleElement()
                .satisfies(request -> assertThat(request.target())
                        .isEqualTo(
                                "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/dep-1:cancel"
                                        + "?api-version=2022-07-01-preview"));
    }

    @Test
    void theDefaultApiVersionIs2026() throws Exception {
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));

        Run run = FaultRig.adu(adu.url()).set("apiVersion", null).cancel("dep-1");

        run.success();
        assertThat(adu.requests().get(0).query()).isEqualTo("api-version=2026-06-01");
        assertThat(run.success().target().provider().location()).endsWith("API 2026-06-01");
    }
}
