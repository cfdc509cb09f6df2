package dev.fleetdeploy.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.RunReports;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code select=active} on Azure Device Update, per API generation: candidates from the group, its subgroups or the
 * list, each confirmed by its status, before anything is done. docs/azure-device-update-api.md, "Listing deployments
 * and finding the active one".
 */
class AduSelectActiveTest {
    private static final String TOKEN = "select-adu-token-0123456789";
    private static final String DC1 = "0919e3ae422a2bfa8c84ff905813e60351e456d1";
    private static final String DC2 = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final RecordingLog log = new RecordingLog();
    private final FakeTime time = new FakeTime();
    private final FakeAdu adu = cleanup.add(FakeAdu.start().acceptToken(TOKEN));

    private RunReport run(Operation operation, String apiVersion, Map<String, String> extra, int max)
            throws InterruptedException {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("provider", "adu");
        parameters.put("baseUrl", adu.url());
        parameters.put("instance", "blue");
        parameters.put("apiVersion", apiVersion);
        parameters.put("select", "active");
        if (!extra.containsKey("groupId")) {
            parameters.put("groupId", "TestGroup");
        }
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, TestTargets.PROPERTIES);
        return TestExecution.of(operation, target)
                .with(new RunOptions(
                        false, false, Duration.ofSeconds(60), Duration.ofSeconds(5), 1, false, null, max, null))
                .withEnvironment(Map.of("AZURE_ACCESS_TOKEN", TOKEN))
                .run(time, log);
    }

    private RunReport cancel(String apiVersion) throws InterruptedException {
        return run(Operation.CANCEL, apiVersion, Map.of(), 10);
    }

    private List<String> actions() {
        return adu.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .map(ReceivedRequest::path)
                .toList();
    }

    /** The one failure's problem, after checking that the selection's cancel sent nothing. */
    private String refusedWithNothingCanceled(String apiVersion) throws InterruptedException {
        RunReport report = cancel(apiVersion);
        assertThat(actions()).as("cancels sent").isEmpty();
        return RunReports.onlyFailure(report).problem();
    }

    /** An old deployment canceled in both subgroups, then the current one, active in both. */
    private void gaHistory() {
        adu.deployment("TestGroup", "old-rollout", List.of(DC1, DC2));
        adu.subgroup("old-rollout", DC1, "Canceled", 4, 0, 1, 0, 3);
        adu.subgroup("old-rollout", DC2, "Canceled", 4, 0, 1, 0, 3);
        adu.deployment("TestGroup", "new-rollout", List.of(DC1, DC2));
        adu.deployment("OtherGroup", "not-ours", List.of(DC1));
    }

    @Test
    void gaCancelsTheSubgroupsWhoseActiveDeploymentTheirStatusConfirms() throws Exception {
        gaHistory();

        RunReport report = cancel("2022-10-01");

        assertThat(report.hasFailures()).isFalse();
        assertThat(actions())
                .containsExactly(
                        "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/" + DC1
                                + "/deployments/new-rollout:cancel",
                        "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/" + DC2
                                + "/deployments/new-rollout:cancel");
        assertThat(adu.subgroupState("not-ours", DC1)).isEqualTo("Active");
        assertThat(log.infoAndAbove().get(0))
                .isEqualTo("[INFO] 1 active Azure Device Update deployment matches group 'TestGroup': new-rollout"
                        + " (subgroup " + DC1 + ") (Active, named by its subgroup), new-rollout (subgroup " + DC2
                        + ") (Active, named by its subgroup)");
        // The selection read only: the subgroup list and one status per subgroup.
        assertThat(adu.requests().stream().filter(r -> r.method().equals("GET")).map(ReceivedRequest::path))
                .containsExactly(
                        "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups",
                        "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/" + DC1
                                + "/deployments/new-rollout/status",
                        "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/" + DC2
                                + "/deployments/new-rollout/status");
    }

    @Test
    void gaNarrowedToOneDeviceClassActsOnThatSubgroupOnly() throws Exception {
        gaHistory();

        run(Operation.CANCEL, "2026-06-01", Map.of("deviceClassId", DC2), 10);

        assertThat(actions()).singleElement().asString().contains("/deviceClassSubgroups/" + DC2 + "/");
        assertThat(adu.subgroupState("new-rollout", DC1)).isEqualTo("Active");
    }

    @Test
    void gaSubgroupsThatNameNoDeploymentAreLookedUpInTheGroupsNewestDeployment() throws Exception {
        gaHistory();
        adu.omitSubgroupDeploymentIds();

        RunReport report = cancel("2022-10-01");

        assertThat(report.hasFailures()).isFalse();
        assertThat(actions()).hasSize(2).allMatch(path -> path.endsWith("/deployments/new-rollout:cancel"));
        ReceivedRequest list = adu.onlyRequest("GET", "/deviceUpdate/blue/management/groups/TestGroup/deployments");
        assertThat(list.query()).isEqualTo("orderby=startDateTime%20desc&api-version=2022-10-01");
    }

    @Test
    void aSubgroupWhoseDeploymentIsNoLongerActiveIsLeftAlone() throws Exception {
        gaHistory();
        adu.subgroup("new-rollout", DC2, "Inactive", 4, 0, 4, 0, 0);

        cancel("2022-10-01");

        assertThat(actions()).singleElement().asString().contains(DC1);
    }

    @Test
    void aStatusReadRefusedDuringTheSelectionCountsEachRequestOnce() throws Exception {
        gaHistory();
        adu.answerAlways("new-rollout/" + DC2, CannedAnswer.errors(403, "Forbidden"));

        DeploymentOutcome.Failed failure = RunReports.onlyFailure(cancel("2022-10-01"));

        assertThat(actions()).as("cancels sent").isEmpty();
        assertThat(failure.httpStatus()).isEqualTo(403);
        // The subgroup list, the status of DC1's subgroup, the refused status of DC2's: three requests.
        assertThat(adu.requests()).hasSize(3);
        assertThat(failure.attempts()).isEqualTo(3);
    }

    @Test
    void aStateThePluginCannotReadRefusesTheSelectionAndActsOnNothing() throws Exception {
        gaHistory();
        adu.subgroup("new-rollout", DC2, "Paused", 4, 0, 4, 0, 0);

        assertThat(refusedWithNothingCanceled("2022-10-01"))
                .isEqualTo("deployment 'new-rollout' is in the state 'Paused', which the plugin cannot read as"
                        + " active or not, so nothing was canceled");
    }

    @Test
    void theListsArePagedByNextLinkInEitherForm() throws Exception {
        adu.listPageSize(1).nextLinksAsPaths();
        gaHistory();

        cancel("2022-10-01");

        assertThat(adu.requests("GET", "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups"))
                .extracting(ReceivedRequest::query)
                .containsExactly("api-version=2022-10-01", "api-version=2022-10-01&page=1");
        assertThat(actions()).hasSize(2);
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedAndNothingIsDone() throws Exception {
        gaHistory();
        adu.answerOnce(
                FakeAdu.LISTS,
                CannedAnswer.of(
                        200,
                        "application/json",
                        "{\"value\":[],\"nextLink\":\"https://evil.example.com/deviceUpdate/blue/x?page=1\"}"));

        assertThat(refusedWithNothingCanceled("2022-10-01"))
                .startsWith("the list's nextLink 'https://evil.example.com/deviceUpdate/blue/x?page=1' leads away"
                        + " from the endpoint");
    }

    @Test
    void moreActiveDeploymentsThanMaxDeploymentsRefuseTheWholeRun() throws Exception {
        // Each subgroup's latest deployment is a different one: two deployments are active in the group.
        adu.deployment("TestGroup", "toasters", List.of(DC1));
        adu.deployment("TestGroup", "kettles", List.of(DC2));

        RunReport report = run(Operation.CANCEL, "2022-10-01", Map.of(), 1);

        assertThat(report.failures()).extracting(f -> f.id().value()).containsExactly("toasters", "kettles");
        assertThat(actions()).isEmpty();
        assertThat(adu.subgroupState("toasters", DC1)).isEqualTo("Active");
    }

    @Test
    void oneDeploymentActiveInTwoSubgroupsCountsOnceAgainstMaxDeployments() throws Exception {
        gaHistory();

        RunReport report = run(Operation.CANCEL, "2022-10-01", Map.of(), 1);

        assertThat(report.hasFailures()).isFalse();
        assertThat(actions()).hasSize(2);
    }

    @Test
    void theRetryOfTheActiveDeploymentRetriesItsActiveSubgroups() throws Exception {
        gaHistory();
        adu.subgroup("new-rollout", DC1, "Active", 4, 0, 2, 2, 0);

        RunReport report = run(Operation.RETRY, "2022-10-01", Map.of(), 10);

        assertThat(report.hasFailures()).isFalse();
        assertThat(actions()).hasSize(2).allMatch(path -> path.endsWith("/deployments/new-rollout:retry"));
        assertThat(adu.subgroup("new-rollout", DC1).isRetried()).isTrue();
    }

    @Test
    void thePreviewApiTakesTheGroupsDeploymentAndConfirmsItsStatus() throws Exception {
        adu.deployment("TestGroup", "older", List.of(DC1));
        adu.deployment("TestGroup", "current", List.of(DC1));

        RunReport report = cancel("2021-06-01-preview");

        assertThat(report.outcomes()).extracting(o -> o.id().value()).containsExactly("current");
        assertThat(actions()).containsExactly("/deviceupdate/blue/management/groups/TestGroup/deployments/current");
        assertThat(adu.onlyRequest("GET", "/deviceupdate/blue/management/groups/TestGroup")
                        .query())
                .isEqualTo("api-version=2021-06-01-preview");
    }

    @Test
    void theV2ApiListsEveryDeploymentKeepsTheGroupsAndConfirmsThemActive() throws Exception {
        adu.deployment("TestGroup", "superseded", List.of(DC1));
        adu.subgroup("superseded", DC1, "Superseded", 4, 0, 4, 0, 0);
        adu.deployment("TestGroup", "canceled", List.of(DC1));
        adu.subgroup("canceled", DC1, "Canceled", 4, 0, 1, 0, 3);
        adu.deployment("OtherGroup", "not-ours", List.of(DC1));
        adu.deployment("TestGroup", "current", List.of(DC1));

        RunReport report = cancel("v2");

        assertThat(report.outcomes()).extracting(o -> o.id().value()).containsExactly("current");
        assertThat(actions()).containsExactly("/deviceupdate/blue/v2/management/deployments/current");
        // The canceled one is not even asked: its list item says isCanceled.
        assertThat(adu.requests("GET", "/deviceupdate/blue/v2/management/deployments/canceled/status"))
                .isEmpty();
        assertThat(adu.requests("GET", "/deviceupdate/blue/v2/management/deployments/superseded/status"))
                .hasSize(1);
    }

    @Test
    void theV2ApiNeedsTheGroupToSelect() {
        Map<String, String> noGroup = new HashMap<>();
        noGroup.put("groupId", null);
        assertThatThrownBy(() -> run(Operation.CANCEL, "v2", noGroup, 10))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("select=active finds the active deployments of a device group: set groupId"
                        + " (-Dfleet.groupId)");
        assertThat(adu.requests()).isEmpty();
    }

    @Test
    void theStatusGoalListsTheActiveDeploymentsAndChangesNothing() throws Exception {
        gaHistory();

        RunReport report = run(Operation.STATUS, "2022-10-01", Map.of(), 10);

        assertThat(report.outcomes()).singleElement().isInstanceOf(DeploymentOutcome.Succeeded.class);
        assertThat(report.outcomes().get(0).id().value()).isEqualTo("new-rollout");
        assertThat(actions()).isEmpty();
    }
}
