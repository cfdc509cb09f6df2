package dev.fleetdeploy.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ReportWriter;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.testing.AgainstFakeDatadog;
import dev.fleetdeploy.testing.FakeDeployment;
import dev.fleetdeploy.testing.FakeDeploymentInfo;
import dev.fleetdeploy.testing.FakeHost;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestHttp;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Datadog retry through a whole execution: the created id's file, the wait that follows it, the report. */
class DatadogRetryExecutionTest extends AgainstFakeDatadog {

    @TempDir
    Path folder;

    @BeforeEach
    void aPackageDeploymentWithAFailedHost() {
        fake.addDeployment(FakeDeployment.of(
                        "old",
                        "done_with_errors",
                        List.of(FakeHost.of("web-01", "succeeded"), FakeHost.failed("web-02", "timeout")))
                .withInfo(FakeDeploymentInfo.DEFAULT.upgrading(List.of("7.52.0"))));
    }

    private RunReport retry(boolean wait, Path createdIdFile) throws InterruptedException {
        return retry(wait, createdIdFile, false, false);
    }

    private RunReport retry(boolean wait, Path createdIdFile, boolean dryRun, boolean offline)
            throws InterruptedException {
        TargetSettings target = TestTargets.of(onTheFake(), TestIds.of("old"));
        return TestExecution.of(Operation.RETRY, target)
                .with(TestHttp.retries(1))
                .with(new RunOptions(
                        dryRun,
                        wait,
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(5),
                        1,
                        false,
                        null,
                        10,
                        createdIdFile))
                .withEnvironment(KEYS.environment())
                .offline(offline)
                .run(time, log);
    }

    @Test
    void theNewDeploymentsIdIsLoggedReportedAndAppendedToTheCreatedIdFile() throws Exception {
        Path file = folder.resolve("ids/created.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "earlier-1" + System.lineSeparator());

        RunReport report = retry(false, file);

        assertThat(report.hasFailures()).isFalse();
        DeploymentOutcome.Succeeded done =
                (DeploymentOutcome.Succeeded) report.outcomes().get(0);
        assertThat(done.action().createdDeploymentId()).isEqualTo("created-1");
        assertThat(Files.readAllLines(file)).containsExactly("earlier-1", "created-1");
        assertThat(log.text())
                .contains("[INFO] Datadog deployment 'old': retry requested (HTTP 201, state pending: created"
                        + " deployment 'created-1' for the 1 host that failed (datadog-agent@7.52.0); deployment 'old'"
                        + " stays as it was)");
        Path reportFile = folder.resolve("report.json");
        ReportWriter.write(report, reportFile, new SecretMasker());
        assertThat(Files.readString(reportFile)).contains("\"createdDeploymentId\" : \"created-1\"");
    }

    @Test
    void aDryRunOfARetryMustReadSoOfflineItIsRefusedAndSendsNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> retry(false, null, true, true))
                .isInstanceOf(dev.fleetdeploy.core.ConfigurationException.class)
                .hasMessage("The build is offline, and even a dry run of retry-deployment must read the provider's"
                        + " API here (to find the active deployments, or to show the exact body of a retry): run it"
                        + " online (in Maven, without -o); nothing was sent.");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aDryRunOfARetryCreatesNothing() throws Exception {
        Path file = folder.resolve("created.txt");

        RunReport report = retry(false, file, true, false);

        assertThat(report.outcomes()).singleElement().isInstanceOf(DeploymentOutcome.Planned.class);
        assertThat(fake.created()).isEmpty();
        assertThat(fake.requests()).extracting(r -> r.method()).containsOnly("GET");
        assertThat(file).doesNotExist();
    }

    @Test
    void theCreatedIdFilesFoldersAreMade() throws Exception {
        Path file = folder.resolve("a/b/created.txt");

        retry(false, file);

        assertThat(Files.readAllLines(file)).containsExactly("created-1");
    }

    @Test
    void aCreatedIdFileThatCannotBeWrittenIsAnErrorThatNamesItAndSaysTheDeploymentWasCreated() throws Exception {
        Path notAFile = Files.createDirectories(folder.resolve("taken"));

        RunReport report = retry(false, notAFile);

        DeploymentOutcome.Failed failed = report.failures().get(0);
        assertThat(failed.problem())
                .startsWith(
                        "deployment 'created-1' was created, but its id could not be appended to the file " + notAFile);
        assertThat(failed.hint()).startsWith("Cancel or follow deployment 'created-1' by its id");
        assertThat(fake.created()).hasSize(1);
    }

    @Test
    void withWaitTheWaitFollowsTheNewDeployment() throws Exception {
        fake.createdFinishAfter(2, "completed");

        RunReport report = retry(true, null);

        assertThat(report.hasFailures()).isFalse();
        DeploymentOutcome.Succeeded done =
                (DeploymentOutcome.Succeeded) report.outcomes().get(0);
        assertThat(done.status().state()).isEqualTo("completed");
        assertThat(done.status().counts()).containsEntry("succeeded", 1L);
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments/created-1")).hasSize(2);
        assertThat(log.text())
                .contains("[INFO] Datadog deployment 'created-1': running; 1 host: 0 succeeded, 0 failed, 0 running,"
                        + " 0 canceled, 0 skipped")
                .contains("[INFO] retry of created-1 on " + fake.url() + " (in place of api.datadoghq.com) done"
                        + " (completed): 1 host updated, 0 canceled, 0 failed");
    }
}
