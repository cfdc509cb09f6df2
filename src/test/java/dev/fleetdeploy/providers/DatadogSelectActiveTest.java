package dev.fleetdeploy.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ReportWriter;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.testing.AgainstFakeDatadog;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeDeployment;
import dev.fleetdeploy.testing.FakeDeploymentInfo;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code select=active} on Datadog: the paged list, narrowed, guarded, logged and reported before anything is done. */
class DatadogSelectActiveTest extends AgainstFakeDatadog {
    private static final String BOT = "ci-bot@example.com";

    @TempDir
    Path folder;

    @BeforeEach
    void deploymentsOfTwoAuthors() {
        add("bot-run", "running", BOT, "env:prod");
        add("alice-run", "running", "alice@example.com", "env:prod");
        add("bot-pend", "pending", "CI-Bot@example.com", "env:staging");
        add("bot-done", "completed", BOT, "env:prod");
    }

    private void add(String id, String status, String author, String query) {
        fake.addDeployment(FakeDeployment.withHosts(id, status, 2)
                .withInfo(FakeDeploymentInfo.DEFAULT.withAuthor(author).withQuery(query)));
    }

    private RunReport run(Operation operation, Map<String, String> narrowing, boolean dryRun, int max)
            throws InterruptedException {
        Map<String, String> parameters = new HashMap<>(narrowing);
        parameters.put("provider", "datadog");
        parameters.put("baseUrl", fake.url());
        parameters.put("select", "active");
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, TestTargets.PROPERTIES);
        return TestExecution.of(operation, target)
                .with(new RunOptions(
                        dryRun, false, Duration.ofSeconds(60), Duration.ofSeconds(5), 2, false, null, max, null))
                .withEnvironment(KEYS.environment())
                .run(time, log);
    }

    private List<ReceivedRequest> cancels() {
        return fake.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    @Test
    void cancelActsOnTheActiveDeploymentsOfTheAuthorAndLogsThemFirst() throws Exception {
        RunReport report = run(Operation.CANCEL, Map.of("author", BOT), false, 10);

        assertThat(report.hasFailures()).isFalse();
        assertThat(cancels())
                .extracting(ReceivedRequest::path)
                .containsExactlyInAnyOrder(
                        "/api/v2/fleet/deployments/bot-run/cancel", "/api/v2/fleet/deployments/bot-pend/cancel");
        assertThat(fake.deployment("alice-run").status()).isEqualTo("running");
        List<String> lines = log.infoAndAbove();
        // Newest first, as the list is asked for.
        assertThat(lines.get(0))
                .isEqualTo("[INFO] 2 active Datadog deployments match author ci-bot@example.com: bot-pend (pending, by"
                        + " CI-Bot@example.com, query 'env:staging', started 2023-11-14T19:28:40Z), bot-run (running,"
                        + " by ci-bot@example.com, query 'env:prod', started 2023-11-14T19:26:40Z)");
        assertThat(lines.get(1)).startsWith("[INFO] Canceling 2 Datadog deployments ('bot-pend', 'bot-run') on ");
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments"))
                .extracting(ReceivedRequest::query)
                .containsExactly("page_size=100&page_number=0&sort=start_date");
    }

    @Test
    void theSelectionIsInTheReport() throws Exception {
        RunReport report = run(Operation.CANCEL, Map.of("author", BOT, "hostQuery", "env:prod"), false, 10);

        Path file = folder.resolve("report.json");
        ReportWriter.write(report, file, new SecretMasker());
        assertThat(Files.readString(file))
                .contains("\"selections\" : [ {")
                .contains("\"narrowing\" : \"author ci-bot@example.com and host query 'env:prod'\"")
                .contains("\"deploymentId\" : \"bot-run\"")
                .doesNotContain("\"deploymentId\" : \"bot-pend\"");
        assertThat(cancels()).hasSize(1);
    }

    @Test
    void aCancelWithoutNarrowingIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> run(Operation.CANCEL, Map.of(), false, 10))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("select=active would cancel every active deployment of the organization, so nothing was"
                        + " sent: narrow it to your own with author (-Dfleet.author) and/or hostQuery"
                        + " (-Dfleet.hostQuery).");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aRetryWithSelectIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> run(Operation.RETRY, Map.of("author", BOT), false, 10))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("A Datadog retry works on a finished deployment, and select=active picks"
                        + " deployments still pending or running, so nothing was sent");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void theStatusGoalListsEveryActiveDeploymentWithoutNarrowing() throws Exception {
        RunReport report = run(Operation.STATUS, Map.of(), false, 10);

        assertThat(report.outcomes())
                .extracting(o -> o.id().value())
                .containsExactly("bot-pend", "alice-run", "bot-run");
        assertThat(log.infoAndAbove().get(0)).startsWith("[INFO] 3 active Datadog deployments match no narrowing: ");
        assertThat(cancels()).isEmpty();
    }

    @Test
    void moreMatchesThanMaxDeploymentsRefuseTheWholeRunListThemAndCancelNone() throws Exception {
        RunReport report = run(Operation.CANCEL, Map.of("author", BOT), false, 1);

        assertThat(report.failures()).extracting(f -> f.id().value()).containsExactly("bot-pend", "bot-run");
        assertThat(report.failures().get(0).problem())
                .isEqualTo("not canceled: select=active matched 2 deployments, more than maxDeployments (1), so the"
                        + " run acts on none of them");
        assertThat(log.text())
                .contains("[ERROR] select=active matched 2 deployments, more than maxDeployments (1):"
                        + " nothing was done.");
        assertThat(cancels()).isEmpty();
    }

    @Test
    void aDryRunReadsAndShowsTheSelectionAndCancelsNothing() throws Exception {
        RunReport report = run(Operation.CANCEL, Map.of("author", BOT), true, 10);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.outcomes()).hasSize(2).allMatch(DeploymentOutcome.Planned.class::isInstance);
        assertThat(log.infoAndAbove().get(0)).startsWith("[INFO] [dry run] 2 active Datadog deployments match author");
        assertThat(cancels()).isEmpty();
    }

    @Test
    void noMatchIsNothingToDoAndNoFailure() throws Exception {
        RunReport report = run(Operation.CANCEL, Map.of("author", "nobody@example.com"), false, 10);

        assertThat(report.outcomes()).isEmpty();
        assertThat(report.hasFailures()).isFalse();
        assertThat(log.infoAndAbove().get(0))
                .isEqualTo("[INFO] No active Datadog deployment on " + fake.url() + " (in place of"
                        + " api.datadoghq.com), API v2 matches author nobody@example.com: nothing to cancel.");
        assertThat(cancels()).isEmpty();
    }

    @Test
    void everyPageOfTheListIsRead() throws Exception {
        for (int i = 0; i < 150; i++) {
            add("old-" + i, "completed", BOT, "env:prod");
        }

        run(Operation.CANCEL, Map.of("author", BOT), false, 10);

        assertThat(fake.requests("GET", "/api/v2/fleet/deployments")).hasSize(2);
        assertThat(cancels()).hasSize(2);
    }

    @Test
    void aListThatCannotBeReadFailsTheSelectionAndCancelsNothing() throws Exception {
        fake.answerAlways(FakeDatadog.LIST, CannedAnswer.errors(403, "Forbidden"));

        RunReport report = run(Operation.CANCEL, Map.of("author", BOT), false, 10);

        assertThat(report.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.id().value()).isEqualTo("select=active");
            assertThat(failed.message())
                    .startsWith("Datadog select=active on " + fake.url() + " (in place of api.datadoghq.com), API v2"
                            + " failed, and nothing was canceled: HTTP 403 Forbidden: Forbidden. Check that the"
                            + " application key has the hosts_read permission");
        });
        assertThat(cancels()).isEmpty();
    }

    @Test
    void selectWithIdsIsRefused() {
        Map<String, String> parameters =
                Map.of("provider", "datadog", "baseUrl", fake.url(), "select", "active", "author", BOT);
        TargetSettings target = TestTargets.of(null, parameters, TestIds.of("x"), TestTargets.PROPERTIES);
        assertThatThrownBy(() -> target.common().deploymentIds().selectsActive())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("select (-Dfleet.select) is active, and deployment ids are given too (deploymentId"
                        + " (-Dfleet.deploymentId), deploymentIds (-Dfleet.deploymentIds) or deploymentIdFile"
                        + " (-Dfleet.deploymentIdFile)): the selection stands instead of ids, so give one or the"
                        + " other.");
    }
}
