package dev.fleetdeploy.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Refusal;
import dev.fleetdeploy.testing.AgainstFakeDatadog;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FailureText;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeDeployment;
import dev.fleetdeploy.testing.FakeDeploymentInfo;
import dev.fleetdeploy.testing.FakeHost;
import dev.fleetdeploy.testing.FakeHostPackage;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Datadog retry on the fake: a new deployment of the same operation for the failed hosts, and every refusal with
 * nothing created. docs/datadog-fleet-api.md, "Retry: a new deployment for the failed hosts".
 */
class DatadogRetryTest extends AgainstFakeDatadog {
    private static final String CONFIGURE = "/api/v2/fleet/deployments/configure";
    private static final String UPGRADE = "/api/v2/fleet/deployments/upgrade";
    private static final List<Map<String, Object>> OPERATIONS = FakeDeploymentInfo.mergePatch(patch());

    private static Map<String, Object> patch() {
        Map<String, Object> patch = new java.util.LinkedHashMap<>();
        patch.put("log_level", "debug");
        patch.put("logs_enabled", true);
        return patch;
    }

    /** Two retries, each read given a second. */
    private FleetProvider provider(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("provider", "datadog");
        parameters.put("baseUrl", fake.url());
        return providers.create(
                parameters,
                Operation.RETRY,
                KEYS.environment(),
                TestHttp.settings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 2));
    }

    private FleetProvider provider() {
        return provider(Map.of());
    }

    private ActionResult retry(String id) throws OperationFailure {
        return provider().retry(DeploymentPart.whole(new DeploymentId(id)));
    }

    private static List<FakeHost> threeHostsTwoFailed() {
        return List.of(
                FakeHost.of("web-01.example.com", "succeeded"),
                FakeHost.failed("web-02.example.com", "agent did not restart"),
                FakeHost.failed("web-03.example.com", "disk full"));
    }

    private void configurationDeployment(String id, String status, List<FakeHost> hosts) {
        fake.addDeployment(FakeDeployment.of(id, status, hosts)
                .withInfo(FakeDeploymentInfo.DEFAULT.configuring(OPERATIONS, List.of())));
    }

    private void packageDeployment(String id, String status, List<FakeHost> hosts) {
        fake.addDeployment(
                FakeDeployment.of(id, status, hosts).withInfo(FakeDeploymentInfo.DEFAULT.upgrading(List.of("7.52.0"))));
    }

    private List<ReceivedRequest> creates() {
        List<ReceivedRequest> all = new ArrayList<>(fake.requests("POST", CONFIGURE));
        all.addAll(fake.requests("POST", UPGRADE));
        return all;
    }

    private static Refusal refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (Refusal e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a Refusal, got " + e, e);
        }
        throw new AssertionError("expected a Refusal");
    }

    /** The retry's refusal, after checking that it sent no create. */
    private Refusal refusedCreatingNothing(String id) {
        Refusal refusal = refusal(() -> retry(id));
        assertThat(creates()).as("creates sent").isEmpty();
        return refusal;
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    // ---- A configuration deployment -----------------------------------------------------------------------------

    @Test
    void aConfigurationRetrySendsTheSameOperationsToTheFailedHostsAfterADryRun() throws Exception {
        configurationDeployment("old", "done_with_errors", threeHostsTwoFailed());

        ActionResult result = retry("old");

        assertThat(result.httpStatus()).isEqualTo(201);
        assertThat(result.createdDeploymentId()).isEqualTo("created-1");
        assertThat(result.state()).isEqualTo("pending");
        assertThat(result.message())
                .isEqualTo("created deployment 'created-1' for the 2 hosts that failed (its configuration operations);"
                        + " deployment 'old' stays as it was");
        List<ReceivedRequest> sent = fake.requests("POST", CONFIGURE);
        assertThat(sent).hasSize(2);
        String query = "hostname:web-02.example.com OR hostname:web-03.example.com";
        String operations =
                "[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\",\"patch\":{\"log_level\":\"debug\",\"logs_enabled\":true}}]";
        assertThat(sent.get(0).body())
                .isEqualTo("{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":\"" + query
                        + "\",\"config_operations\":" + operations + ",\"dry_run\":true}}}");
        assertThat(sent.get(1).body())
                .isEqualTo("{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":\"" + query
                        + "\",\"config_operations\":" + operations + "}}}");
        assertThat(sent.get(1).header("Content-Type")).startsWith("application/json");
        FakeDeployment created = fake.deployment("created-1");
        assertThat(created.hosts())
                .extracting(FakeHost::hostname)
                .containsExactly("web-02.example.com", "web-03.example.com");
        assertThat(created.info().configOperations()).isEqualTo(OPERATIONS);
        assertThat(fake.deployment("old").status()).isEqualTo("done_with_errors");
        assertThat(result.attempts()).isEqualTo(3);
    }

    @Test
    void aConfigurationDeploymentThatAlsoInstalledPackagesTakesThemFromItsFailedHosts() throws Exception {
        fake.addDeployment(FakeDeployment.of("old", "failed", threeHostsTwoFailed())
                .withInfo(FakeDeploymentInfo.DEFAULT.configuring(OPERATIONS, List.of("7.52.0"))));

        ActionResult result = retry("old");

        assertThat(result.message()).contains("(its configuration operations with datadog-agent@7.52.0)");
        assertThat(fake.requests("POST", CONFIGURE).get(1).body())
                .contains(",\"target_packages\":[{\"name\":\"datadog-agent\",\"version\":\"7.52.0\"}]");
    }

    @Test
    void aDryRunThatReachesAnotherNumberOfHostsRefusesAndCreatesNothing() throws Exception {
        configurationDeployment("old", "failed", threeHostsTwoFailed());
        fake.answerOnce(
                FakeDatadog.CONFIGURE,
                CannedAnswer.of(
                        200,
                        "application/json",
                        "{\"data\":{\"id\":\"dry-run\",\"type\":\"deployment\",\"attributes\":{"
                                + "\"dry_run\":{\"config_validated\":true,\"non_upgradable_hosts\":0},\"total_hosts\":3}}}"));

        Refusal refusal = refusal(() -> retry("old"));

        assertThat(refusal.getMessage())
                .isEqualTo("Datadog's dry run of the new deployment reaches 3 hosts, but the deployment has 2 failed"
                        + " hosts, so nothing was created");
        assertThat(fake.requests("POST", CONFIGURE)).hasSize(1);
        assertThat(fake.created()).isEmpty();
    }

    // ---- A package deployment -----------------------------------------------------------------------------------

    @Test
    void aPackageRetryInfersThePackagesWhenEveryFailedHostAgreesAndSendsNoDryRun() throws Exception {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());

        ActionResult result = retry("pkg");

        assertThat(result.createdDeploymentId()).isEqualTo("created-1");
        assertThat(result.message()).contains("(datadog-agent@7.52.0)");
        assertThat(fake.requests("POST", CONFIGURE)).isEmpty();
        assertThat(fake.onlyRequest("POST", UPGRADE).body())
                .isEqualTo("{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":"
                        + "\"hostname:web-02.example.com OR hostname:web-03.example.com\",\"target_packages\":"
                        + "[{\"name\":\"datadog-agent\",\"version\":\"7.52.0\"}]}}}");
        assertThat(fake.deployment("created-1").info().updateType()).isEqualTo("update_package");
    }

    @Test
    void aPackageRetryWhoseFailedHostsDisagreeIsRefusedUntilTargetPackagesSettlesIt() throws Exception {
        packageDeployment(
                "pkg",
                "failed",
                List.of(
                        FakeHost.failed("a1", "timeout"),
                        FakeHost.failed("a2", "timeout")
                                .withPackages(
                                        FakeHostPackage.AGENT,
                                        FakeHostPackage.of("datadog-installer", "0.9", "7.52.0"))));

        Refusal refusal = refusedCreatingNothing("pkg");

        FailureText.assertReads(
                refusal,
                "its failed hosts do not agree on the packages to install: 'a1' names datadog-agent@7.52.0,"
                        + " 'a2' names datadog-agent@7.52.0, datadog-installer@7.52.0 (the deployment's GET gives"
                        + " package versions only per host), so nothing was created",
                "Set targetPackages (name@version, several separated by commas) to the packages the"
                        + " deployment installed.");

        ActionResult settled = provider(Map.of("targetPackages", "datadog-agent@7.52.0"))
                .retry(DeploymentPart.whole(new DeploymentId("pkg")));
        assertThat(settled.createdDeploymentId()).isEqualTo("created-1");
    }

    @Test
    void targetPackagesOfOtherVersionsThanTheDeploymentTargetedAreRefused() {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());

        Refusal refusal = refusal(() -> provider(Map.of("targetPackages", "datadog-agent@7.53.0"))
                .retry(DeploymentPart.whole(new DeploymentId("pkg"))));

        assertThat(refusal.getMessage())
                .isEqualTo("targetPackages names the versions 7.53.0, but the deployment targeted 7.52.0, so nothing"
                        + " was created");
        assertThat(creates()).isEmpty();
    }

    @Test
    void aConflictingUpgradeFailsWithTheApisTextAndAHint() {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.deployment("other", "running", List.of(FakeHost.of("web-03.example.com", "running")));

        assertThatThrownBy(() -> retry("pkg")).isInstanceOfSatisfying(ApiException.class, e -> {
            FailureText.assertReads(
                    e,
                    "nothing was created: HTTP 409 Conflict: A conflicting upgrade is already running on one or more"
                            + " target hosts.",
                    "A conflicting upgrade is already running on one or more of the failed hosts: wait for it to"
                            + " finish (or cancel it), then retry.");
        });
        assertThat(fake.created()).isEmpty();
    }

    @Test
    void aForbiddenCreateNamesThePermissionsItNeeds() {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerOnce(FakeDatadog.UPGRADE, CannedAnswer.errors(403, "Forbidden"));

        assertThatThrownBy(() -> retry("pkg")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("nothing was created: HTTP 403 Forbidden: Forbidden");
            assertThat(e.hint()).contains("agent_upgrade_write and fleet_policies_write");
        });
        assertThat(fake.created()).isEmpty();
    }

    // ---- Refusals before anything is created -----------------------------------------------------------------------

    @Test
    void aDeploymentStillRunningIsRefusedAndNothingIsCreated() {
        configurationDeployment("run", "running", threeHostsTwoFailed());

        Refusal refusal = refusedCreatingNothing("run");

        assertThat(refusal.getMessage())
                .isEqualTo("it is still 'running': only a finished deployment is retried, so nothing was created");
        assertThat(refusal.hint()).startsWith("Wait for it to finish").contains("or cancel it first");
        assertThat(fake.requests()).extracting(ReceivedRequest::method).containsOnly("GET");
    }

    @Test
    void aStateThePluginDoesNotKnowAsFinishedIsRefused() {
        configurationDeployment("odd", "paused_by_ops", threeHostsTwoFailed());

        assertThat(refusedCreatingNothing("odd").getMessage())
                .startsWith("its state 'paused_by_ops' is not one the plugin knows as finished (");
    }

    @Test
    void noFailedHostCreatesNothingAndSucceeds() throws Exception {
        configurationDeployment("fine", "completed", List.of(FakeHost.of("web-01", "succeeded")));

        ActionResult result = retry("fine");

        assertThat(result.createdDeploymentId()).isNull();
        assertThat(result.message()).isEqualTo("no host failed, so there is nothing to retry and nothing was created");
        assertThat(creates()).isEmpty();
    }

    @Test
    void aHostListThatDisagreesWithFailedHostsIsRefusedWithBothNumbers() {
        String body = "{\"data\":{\"id\":\"part\",\"type\":\"deployment\",\"attributes\":{\"failed_hosts\":3,"
                + "\"high_level_status\":\"failed\",\"hosts\":[{\"hostname\":\"a\",\"status\":\"failed\"}],"
                + "\"update_type\":\"update_package\",\"target_versions\":[\"7.52.0\"]}}}";
        fake.answerAlways("part", CannedAnswer.of(200, "application/json", body));

        Refusal refusal = refusedCreatingNothing("part");

        assertThat(refusal.getMessage())
                .isEqualTo("its host list shows 1 failed host but failed_hosts says 3, so nothing was created");
    }

    @Test
    void anUpdateTypeThePluginCannotRetryIsRefusedByName() {
        fake.addDeployment(FakeDeployment.of("x", "failed", threeHostsTwoFailed())
                .withInfo(FakeDeploymentInfo.DEFAULT.withUpdateType("update_remote_config")));

        assertThat(refusedCreatingNothing("x").getMessage())
                .isEqualTo("its update_type is 'update_remote_config', which the plugin cannot retry (only"
                        + " update_config_operations and update_package), so nothing was created");
    }

    @Test
    void aHostNameAFilterQueryCannotCarryIsRefused() {
        configurationDeployment("odd", "failed", List.of(FakeHost.failed("web 01 (old)", "timeout")));

        assertThat(refusedCreatingNothing("odd").getMessage())
                .startsWith("the failed host 'web 01 (old)' has a name that a filter query cannot carry without"
                        + " quoting");
    }

    @Test
    void moreFailedHostsThanOneFilterQueryCarriesAreRefused() {
        List<FakeHost> hosts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            hosts.add(FakeHost.failed("a-rather-long-host-name-" + i + ".example.com", "timeout"));
        }
        configurationDeployment("many", "failed", hosts);

        assertThat(refusedCreatingNothing("many").getMessage())
                .isEqualTo("the 400 failed hosts make a filter query longer than the 8000 characters one retry sends,"
                        + " so nothing was created");
    }

    // ---- A create that got no clear answer -------------------------------------------------------------------------

    @Test
    void aCreateAnsweredWithA5xxThatDidCreateIsFoundInTheListAndNotSentAgain() throws Exception {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerAfterCreating(CannedAnswer.errors(503, "Service Unavailable"));

        ActionResult result = retry("pkg");

        assertThat(result.createdDeploymentId()).isEqualTo("created-1");
        assertThat(result.message())
                .contains("the create got no clear answer (Datadog answered 503 Service Unavailable), and the list of"
                        + " deployments shows it was made");
        assertThat(fake.requests("POST", UPGRADE)).hasSize(1);
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments").get(0).query())
                .isEqualTo("page_size=100&page_number=0&sort=start_date");
        assertThat(time.sleeps()).contains(DatadogRetry.SETTLE);
    }

    @Test
    void aCreateThatTimedOutAfterCreatingIsFoundInTheList() throws Exception {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerAfterCreating(CannedAnswer.errors(201, "late").afterSeconds(3));

        ActionResult result = retry("pkg");

        assertThat(result.createdDeploymentId()).isEqualTo("created-1");
        assertThat(fake.requests("POST", UPGRADE)).hasSize(1);
    }

    @Test
    void aCreateThatMadeNothingIsSentAgainOnceTheListShowsItDidNot() throws Exception {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerOnce(FakeDatadog.UPGRADE, CannedAnswer.errors(502, "Bad Gateway"));
        fake.sortUnsupported();

        ActionResult result = retry("pkg");

        assertThat(result.createdDeploymentId()).isEqualTo("created-1");
        assertThat(fake.requests("POST", UPGRADE)).hasSize(2);
        assertThat(fake.created()).hasSize(1);
        // sort refused: the list is read in the server's own order, every page.
        assertThat(fake.requests("GET", "/api/v2/fleet/deployments"))
                .extracting(ReceivedRequest::query)
                .containsExactly("page_size=100&page_number=0&sort=start_date", "page_size=100&page_number=0");
    }

    @Test
    void whenTheListCannotTellTheRetryFailsSayingWhatToLookForAndSendsNothingAgain() {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerAfterCreating(CannedAnswer.errors(500, "Internal Server Error"));
        fake.answerAlways(FakeDatadog.LIST, CannedAnswer.errors(403, "Forbidden"));

        Refusal refusal = refusal(() -> retry("pkg"));

        FailureText.assertReads(
                refusal,
                "the create got no clear answer (Datadog answered 500 Internal Server Error); the list of"
                        + " deployments could not be read (HTTP 403 Forbidden: Forbidden), so a deployment may have"
                        + " been created; the plugin did not send it again",
                "Look in Datadog's Fleet Automation for a deployment of update_type update_package started"
                        + " after 2026-11-21T00:00:00Z with the query 'hostname:web-02.example.com OR"
                        + " hostname:web-03.example.com' (2 hosts); cancel it or keep it, and retry only if there is"
                        + " none.");
        assertThat(fake.requests("POST", UPGRADE)).hasSize(1);
    }

    @Test
    void twoCreatesWithoutAClearAnswerAreNotFollowedByAThird() {
        packageDeployment("pkg", "failed", threeHostsTwoFailed());
        fake.answerOnce(FakeDatadog.UPGRADE, CannedAnswer.errors(502, "Bad Gateway"));
        fake.answerOnce(FakeDatadog.UPGRADE, CannedAnswer.errors(502, "Bad Gateway"));

        assertThat(refusal(() -> retry("pkg")).getMessage()).contains("so a deployment may have been created");
        assertThat(fake.requests("POST", UPGRADE)).hasSize(2);
        assertThat(fake.created()).isEmpty();
    }

    // ---- Dry run ---------------------------------------------------------------------------------------------------

    @Test
    void aDryRunReadsTheDeploymentAndShowsTheExactBodiesButCreatesNothing() throws Exception {
        configurationDeployment("old", "failed", threeHostsTwoFailed());

        List<PlannedRequest> plan = provider().plan(Operation.RETRY, new DeploymentId("old"));

        assertThat(plan).extracting(PlannedRequest::method).containsExactly("GET", "POST", "POST");
        assertThat(plan.get(1).headers())
                .contains("DD-API-KEY: ****")
                .anySatisfy(
                        line -> assertThat(line).startsWith("body: {\"data\"").endsWith(",\"dry_run\":true}}}"));
        assertThat(plan.get(2).headers())
                .contains("body: {\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":"
                        + "\"hostname:web-02.example.com OR hostname:web-03.example.com\",\"config_operations\":"
                        + "[{\"file_op\":\"merge-patch\",\"file_path\":\"/datadog.yaml\",\"patch\":{\"log_level\":"
                        + "\"debug\",\"logs_enabled\":true}}]}}}");
        assertThat(fake.requests()).extracting(ReceivedRequest::method).containsOnly("GET");
        assertThat(fake.created()).isEmpty();
    }
}
