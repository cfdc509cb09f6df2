package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.datadogCanceled;
import static dev.fleetdeploy.faults.FaultAnswers.datadogDeployment;
import static dev.fleetdeploy.faults.FaultAnswers.datadogNotCancelable;
import static dev.fleetdeploy.faults.FaultAnswers.errors;
import static dev.fleetdeploy.faults.FaultAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.ClosedPort;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The report's {@code attempts}: the requests the operation itself took, retries, a token it fetched and the check of
 * a repeat that was refused included; not the polls of a wait, nor the read of a GA deployment's subgroups.
 */
class ReportedAttemptsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig datadog() {
        return FaultRig.datadog(FaultRig.baseUrl(server)).readTimeout(Duration.ofMillis(300));
    }

    private static String aduGroup(String... subgroups) {
        return "{\"deploymentId\":\"dep-1\",\"groupId\":\"TestGroup\",\"deviceClassSubgroups\":[\""
                + String.join("\",\"", subgroups) + "\"]}";
    }

    @Test
    void aCancelRetriedAfterA503TookTwo() throws Exception {
        server.enqueue(errors(503, "try again"));
        server.enqueue(datadogCanceled());

        assertThat(datadog().cancel("dep-1").success().attempts()).isEqualTo(2);
    }

    @Test
    void theRefusedRepeatAndTheStateReadThatReconcilesItCount() throws Exception {
        FaultAnswers.repeatRefused(server, datadogNotCancelable(400, "stopping"), datadogDeployment("stopping"));

        assertThat(datadog().cancel("dep-1").success().attempts()).isEqualTo(3);
    }

    @Test
    void aRefusedRepeatWhoseStateCannotBeReadCountsTheReadsToo() throws Exception {
        FaultAnswers.repeatRefused(
                server,
                datadogNotCancelable(400, "stopping"),
                errors(500, "status unavailable"),
                errors(500, "status unavailable"));

        assertThat(datadog().retries(1).cancel("dep-1").failure().attempts()).isEqualTo(4);
    }

    @Test
    void theRequestsThatGotNoAnswerCount() throws IOException, InterruptedException {
        int closedPort = ClosedPort.number();

        Run run = FaultRig.datadog("http://127.0.0.1:" + closedPort).retries(2).cancel("dep-1");

        assertThat(run.failure().attempts()).isEqualTo(3);
    }

    @Test
    void thePollsOfAWaitAfterACancelAreNotAttempts() throws Exception {
        server.enqueue(datadogCanceled());
        server.enqueue(datadogDeployment("running"));
        server.enqueue(datadogDeployment("canceled"));

        Run run = datadog().waitForFinalState(Duration.ofSeconds(3)).cancel("dep-1");

        assertThat(run.success().status().state()).isEqualTo("canceled");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(run.success().attempts()).isEqualTo(1);
    }

    @Test
    void aStatusReadIsOneAttemptHoweverLongItsWaitPolls() throws Exception {
        server.enqueue(errors(503, "try again"));
        server.enqueue(datadogDeployment("running"));
        server.enqueue(datadogDeployment("running"));
        server.enqueue(datadogDeployment("canceled"));

        Run run = datadog().waitForFinalState(Duration.ofSeconds(3)).run(Operation.STATUS, "dep-1");

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(run.success().attempts()).isEqualTo(2);
    }

    @Test
    void everyHostPageOfAnUnstableStatusCounts() throws Exception {
        server.enqueue(json(200, """
                {"data":{"id":"dep-1","type":"deployment","attributes":{"high_level_status":"running","total_hosts":2,
                  "hosts":[{"hostname":"h1","status":"succeeded"}]}},
                 "meta":{"hosts":{"current_page":0,"page_size":1,"total_hosts":2,"total_pages":2}}}"""));
        server.enqueue(errors(502, "try again"));
        server.enqueue(json(200, """
                {"data":{"id":"dep-1","type":"deployment","attributes":{"high_level_status":"running","total_hosts":2,
                  "hosts":[{"hostname":"h2","status":"running"}]}},
                 "meta":{"hosts":{"current_page":1,"page_size":1,"total_hosts":2,"total_pages":2}}}"""));

        Run run = datadog().set("datadogApi", "unstable").run(Operation.STATUS, "dep-1");

        assertThat(run.success().attempts()).isEqualTo(3);
    }

    @Test
    void eachSubgroupCountsItsOwnRequestsButNotTheReadThatListedIt() throws Exception {
        server.enqueue(json(200, aduGroup("dc1", "dc2")));
        server.enqueue(json(200, "{\"deploymentId\":\"dep-1\",\"isCanceled\":true}"));
        server.enqueue(errors(503, "try again"));
        server.enqueue(json(200, "{\"deploymentId\":\"dep-1\",\"isCanceled\":true}"));

        Run run = FaultRig.adu(FaultRig.baseUrl(server))
                .set("deviceClassId", null)
                .cancel("dep-1");

        assertThat(run.report().outcomes())
                .extracting(outcome -> outcome.part().subgroup(), DeploymentOutcome::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dc1", 1), org.assertj.core.groups.Tuple.tuple("dc2", 2));
    }

    @Test
    void theTokenRequestCountsForTheDeploymentThatFetchedIt() throws Exception {
        server.enqueue(json(
                200,
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + FaultRig.ADU_TOKEN + "\"}"));
        server.enqueue(json(200, "{\"deploymentId\":\"dep-1\",\"isCanceled\":true}"));
        server.enqueue(json(200, "{\"deploymentId\":\"dep-2\",\"isCanceled\":true}"));

        Run run = FaultRig.adu(FaultRig.baseUrl(server))
                .set("accessToken", null)
                .set("clientId", "fault-client-id")
                .set("tenantId", "fault-tenant")
                .set("clientSecret", "fault-client-secret-5d2a9e")
                .set("authorityHost", FaultRig.baseUrl(server))
                .cancel("dep-1,dep-2");

        assertThat(run.report().outcomes())
                .extracting(DeploymentOutcome::attempts)
                .containsExactly(2, 1);
    }
}
