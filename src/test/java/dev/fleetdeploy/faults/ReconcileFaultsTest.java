package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.DD_CANCEL;
import static dev.fleetdeploy.faults.FaultAnswers.DD_STATUS;
import static dev.fleetdeploy.faults.FaultAnswers.aduConflict;
import static dev.fleetdeploy.faults.FaultAnswers.aduDeployment;
import static dev.fleetdeploy.faults.FaultAnswers.datadogDeployment;
import static dev.fleetdeploy.faults.FaultAnswers.datadogNotCancelable;
import static dev.fleetdeploy.faults.FaultAnswers.errors;
import static dev.fleetdeploy.testing.CannedResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeDatadog;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cancel (or retry) whose first attempt may have taken effect (no answer in time, a 5xx, a dropped connection) is
 * repeated, and the repeat is refused because the first one did it: the plugin reads the deployment and reports
 * what is true, success when its state (Datadog) or flag (ADU) shows the operation took effect, failure naming what
 * it found otherwise.
 */
class ReconcileFaultsTest {
    private static final Duration SHORT_READ = Duration.ofMillis(300);
    private static final String DD_REFUSAL = "Deployment dep-1 cannot be canceled: its status is stopping";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig datadog() {
        return FaultRig.datadog(FaultRig.baseUrl(server)).readTimeout(SHORT_READ);
    }

    private FaultRig adu() {
        return FaultRig.adu(FaultRig.baseUrl(server)).readTimeout(SHORT_READ);
    }

    private List<String> received(int count) throws InterruptedException {
        List<String> targets = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest();
            targets.add(request.getMethod() + " " + request.getTarget());
        }
        return targets;
    }

    /** A first attempt without a clear answer, the repeat's refusal, and the state the read then finds. */
    static Stream<Arguments> firstAttemptTookEffect() {
        return Stream.of(
                Arguments.of(Named.of("no answer within readTimeout", CannedAnswer.noAnswer()), 400, "stopping"),
                Arguments.of(Named.of("a dropped connection", CannedAnswer.dropConnection()), 422, "stopped"),
                Arguments.of(Named.of("500", CannedAnswer.errors(500, "upstream hiccup")), 409, "canceled"),
                Arguments.of(Named.of("502", CannedAnswer.errors(502, "upstream hiccup")), 409, "canceled"),
                Arguments.of(Named.of("503", CannedAnswer.errors(503, "upstream hiccup")), 409, "canceled"),
                Arguments.of(Named.of("504", CannedAnswer.errors(504, "upstream hiccup")), 409, "canceled"));
    }

    @ParameterizedTest(name = "first attempt: {0}; the repeat answered {1}; the deployment {2}")
    @MethodSource("firstAttemptTookEffect")
    void datadogRepeatRefusedBecauseTheFirstAttemptCanceledItIsASuccess(
            CannedAnswer firstAttempt, int refusal, String state) throws Exception {
        server.enqueue(response(firstAttempt));
        server.enqueue(datadogNotCancelable(refusal, state));
        server.enqueue(datadogDeployment(state));

        Run run = datadog().cancel("dep-1");

        String summary = "HTTP " + refusal + ", state " + state + ": an earlier attempt, which got no clear answer, had"
                + " already canceled it; the repeat was refused (Deployment dep-1 cannot be canceled: its status is "
                + state + ")";
        assertThat(run.success().action().summary()).isEqualTo(summary);
        assertThat(run.success().action().state()).isEqualTo(state);
        assertThat(received(3)).containsExactly("POST " + DD_CANCEL, "POST " + DD_CANCEL, "GET " + DD_STATUS);
        assertThat(run.log().lines()).contains("[INFO] Datadog deployment 'dep-1': cancel requested (" + summary + ")");
        assertThat(run.report().summary()).isEqualTo("Cancel: 1 of 1 deployment done.");
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        run.assertNoSecretShown(run.report().summary());
    }

    @Test
    void datadogRefusedRepeatOfADeploymentStillRunningIsAFailureNamingTheState() throws Exception {
        FaultAnswers.repeatRefused(server, datadogNotCancelable(400, "running"), datadogDeployment("running"));

        Run run = datadog().cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: HTTP 400 Bad Request: Deployment"
                        + " dep-1 cannot be canceled: its status is running. An earlier attempt got no clear answer, and the"
                        + " deployment is now 'running': check it with the deployment-status goal.");
        assertThat(received(3)).containsExactly("POST " + DD_CANCEL, "POST " + DD_CANCEL, "GET " + DD_STATUS);
        assertThat(run.log().lines())
                .filteredOn(line -> line.startsWith("[ERROR]"))
                .containsExactly("[ERROR] " + run.message());
        run.assertNoSecretShown(run.message());
    }

    @Test
    void datadogRefusalWhenTheStateCannotBeReadIsReportedAsTheRefusal() throws Exception {
        FaultAnswers.repeatRefused(
                server,
                datadogNotCancelable(400, "stopping"),
                errors(500, "status unavailable"),
                errors(500, "status unavailable"));

        Run run = datadog().retries(1).cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: HTTP 400 Bad Request: " + DD_REFUSAL
                        + ". A deployment can be canceled only while its status is pending or running: check its status with the"
                        + " deployment-status goal, and check the deployment id."
                        + " An earlier attempt got no clear answer and may still have been applied: check the deployment with the"
                        + " deployment-status goal.");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void datadogRefusalOfAFirstAttemptIsNotReconciled() throws Exception {
        server.enqueue(datadogNotCancelable(400, "stopping"));
        server.enqueue(datadogDeployment("stopping"));

        Run run = datadog().cancel("dep-1");

        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP 400 Bad Request: " + DD_REFUSAL + ". ");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void datadogStateMachineFakeAgreesWhenTheFirstAnswerCameTooLate() throws Exception {
        // The fake's own state machine: the deployment is already stopping (the first cancel took effect, but its
        // answer comes after readTimeout), so the repeat earns the fake's 400 and the read says stopping.
        try (FakeDatadog fake = FakeDatadog.start(FaultRig.DD_API_KEY, FaultRig.DD_APP_KEY)) {
            fake.deployment("dep-1", "stopping", 3);
            fake.answerOnce(
                    "dep-1",
                    CannedAnswer.of(
                                    200,
                                    "application/json",
                                    "{\"data\":{\"id\":\"dep-1\",\"attributes\":{\"status\":\"stopping\"}}}")
                            .afterSeconds(1));

            Run run = FaultRig.datadog(fake.url()).readTimeout(SHORT_READ).cancel("dep-1");

            assertThat(run.success().action().summary())
                    .startsWith(
                            "HTTP 400, state stopping: an earlier attempt, which got"
                                    + " no clear answer, had already canceled it; the repeat was refused (Deployment dep-1 cannot be canceled");
            assertThat(fake.requests(("POST"), DD_CANCEL)).hasSize(2);
            assertThat(fake.requests("GET", DD_STATUS)).hasSize(1);
        }
    }

    @Test
    void aduTimeoutThenConflictThenIsCanceledIsASuccess() throws Exception {
        FaultAnswers.repeatRefused(
                server, aduConflict("The deployment has already been canceled."), aduDeployment(true, false));

        Run run = adu().cancel("dep-1");

        assertThat(run.success().action().summary())
                .isEqualTo("HTTP 409: an earlier attempt, which got no clear answer, had"
                        + " already canceled it (the deployment says isCanceled=true); the repeat was refused (The deployment has"
                        + " already been canceled. (DeploymentConflict))");
        String subgroupDeployment =
                "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/dep-1?api-version=2022-10-01";
        assertThat(received(3))
                .containsExactly(
                        "POST " + FaultAnswers.ADU_CANCEL + "?api-version=2022-10-01",
                        "POST " + FaultAnswers.ADU_CANCEL + "?api-version=2022-10-01",
                        "GET " + subgroupDeployment);
        run.assertNoSecretShown(run.report().summary());
    }

    @Test
    void aduRefusedRepeatOfADeploymentNotCanceledIsAFailure() throws Exception {
        server.enqueue(FaultAnswers.aduError(503, "ServiceUnavailable", "Try later."));
        server.enqueue(aduConflict("The deployment cannot be canceled now."));
        server.enqueue(aduDeployment(false, false));

        Run run = adu().cancel("dep-1");

        // The repeat carries the same x-ms-client-request-id as the first attempt: one request, retried.
        String requestId = server.takeRequest().getHeaders().get("x-ms-client-request-id");
        assertThat(server.takeRequest().getHeaders().get("x-ms-client-request-id"))
                .isEqualTo(requestId);
        assertThat(run.message())
                .isEqualTo("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP 409"
                        + " Conflict: The deployment cannot be canceled now. (DeploymentConflict). An earlier attempt got no clear"
                        + " answer, and the deployment does not show it took effect: check it with the deployment-status goal."
                        + " Support ids: x-ms-client-request-id " + requestId + ".");
        assertThat(server.getRequestCount()).isEqualTo(3);
        run.assertNoSecretShown(run.message());
    }

    @Test
    void aduRetryWhoseFirstAttemptWasDroppedIsReconciledWithIsRetried() throws Exception {
        server.enqueue(FaultAnswers.dropAfterRequest());
        server.enqueue(aduConflict("The deployment is already being retried."));
        server.enqueue(aduDeployment(false, true));

        Run run = adu().run(Operation.RETRY, "dep-1");

        assertThat(run.success().action().message())
                .startsWith("an earlier attempt, which got no clear answer, had already"
                        + " retried it (the deployment says isRetried=true)");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aduV2CancelIsReconciledOnTheWholeDeployment() throws Exception {
        FaultAnswers.repeatRefused(
                server,
                FaultAnswers.aduError(412, "PreconditionFailed", "Already canceled."),
                FaultAnswers.json(200, "{\"deploymentId\":\"dep-1\",\"isCanceled\":true,\"isRetry\":false}"));

        Run run = adu().set("apiVersion", "v2")
                .set("groupId", null)
                .set("deviceClassId", null)
                .cancel("dep-1");

        assertThat(run.success().action().message()).contains("isCanceled=true");
        assertThat(received(3))
                .containsExactly(
                        "POST /deviceupdate/blue/v2/management/deployments/dep-1?action=cancel",
                        "POST /deviceupdate/blue/v2/management/deployments/dep-1?action=cancel",
                        "GET /deviceupdate/blue/v2/management/deployments/dep-1");
    }
}
