package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.AgainstFakeDatadog;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeHost;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestHttp;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestRunOptions;
import dev.fleetdeploy.testing.TestTargets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment of 50,000 hosts, whose v2 answer (several megabytes, every host listed) is more than the transport
 * reads of an ordinary body: the status, a wait and a cancel's reconciliation read it as a stream.
 */
class LargeDeploymentTest extends AgainstFakeDatadog {
    private static final int HOSTS = 50_000;

    /** 50,000 hosts: the first 49,990 succeeded, the last 10 failed (at the very end of the body). */
    private static List<FakeHost> hosts() {
        List<FakeHost> hosts = new ArrayList<>(HOSTS);
        for (int i = 1; i <= HOSTS; i++) {
            String name = "h" + i;
            hosts.add(i > HOSTS - 10 ? FakeHost.failed(name, "timeout") : FakeHost.of(name, "succeeded"));
        }
        return hosts;
    }

    private Map<String, String> parameters() {
        return onTheFake();
    }

    /** Ten seconds to read: the body is several megabytes. */
    private static HttpSettings settings(int maxRetries) {
        return TestHttp.settings(Duration.ofSeconds(5), Duration.ofSeconds(10), maxRetries, 2);
    }

    private FleetProvider provider(int maxRetries) {
        return providers.create(parameters(), Operation.CANCEL, KEYS.environment(), settings(maxRetries));
    }

    @Test
    void theStatusOfFiftyThousandHostsIsReadFromABodyOfSeveralMegabytes() throws Exception {
        fake.deployment("big", "done_with_errors", hosts());

        DeploymentStatus status = provider(0).status(DeploymentPart.whole(new DeploymentId("big")));

        assertThat(status.summary())
                .isEqualTo(
                        "done_with_errors; 50000 hosts: 49990 succeeded, 10 failed, 0 running, 0 canceled, 0 skipped");
        assertThat(status.details())
                .containsExactly(
                        "failed on h49991: timeout",
                        "failed on h49992: timeout",
                        "failed on h49993: timeout",
                        "failed on h49994: timeout",
                        "failed on h49995: timeout",
                        "... and 5 more failed hosts");
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(fake.v2BodyBytes("big")).isGreaterThan(3L * HttpTransport.MAX_BODY_BYTES);
    }

    @Test
    void aWaitOnFiftyThousandHostsEndsOnTheirFinalState() throws Exception {
        fake.deployment("big", "done_with_errors", hosts());
        TargetSettings target = TestTargets.of(parameters(), TestIds.of("big"));

        RunReport report = TestExecution.of(Operation.STATUS, target)
                .with(settings(0))
                .with(TestRunOptions.of(false, true, Duration.ofSeconds(60), Duration.ofSeconds(1), 1, false, null))
                .withEnvironment(KEYS.environment())
                .run(time, log);

        assertThat(report.hasFailures()).isFalse();
        DeploymentOutcome.Succeeded done =
                (DeploymentOutcome.Succeeded) report.outcomes().get(0);
        assertThat(done.status().terminal()).isTrue();
        assertThat(done.status().counts()).containsEntry("failed", 10L);
    }

    @Test
    void aRepeatedCancelIsReconciledAgainstFiftyThousandHosts() throws Exception {
        fake.deployment("big", "canceled", hosts());
        fake.answerOnce("big", CannedAnswer.errors(503, "Service Unavailable"));

        ActionResult result = provider(2).cancel(DeploymentPart.whole(new DeploymentId("big")));

        assertThat(result.message())
                .startsWith("an earlier attempt, which got no clear answer, had already canceled it");
        assertThat(result.state()).isEqualTo("canceled");
        assertThat(fake.requests("POST", "/api/v2/fleet/deployments/big/cancel"))
                .hasSize(2);
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments/big")).hasSize(1);
    }
}
