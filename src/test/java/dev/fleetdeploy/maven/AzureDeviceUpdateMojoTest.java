package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.testing.AduAnswers;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The three goals with Azure Device Update, through the real Mojos, the fake ADU and the fake Entra ID: the same
 * Mojos as Datadog's, with ADU's parameters. Here {@code ${fake.api}} is the fake ADU and {@code ${fake.entra}} the
 * fake Entra ID's authority host.
 */
@MojoTest
class AzureDeviceUpdateMojoTest extends MojoTestSupport {
    private static final String TOKEN = "env-adu-token-5f6e7d";
    private static final String CLIENT_SECRET = "server-client-secret-8c9d0e";
    private static final Map<String, String> ENV_TOKEN = Map.of("AZURE_ACCESS_TOKEN", TOKEN);
    private static final String GA = "/deviceUpdate/blue/management/groups/TestGroup";
    private static final String VERSION = "?api-version=2026-06-01"; // the default
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeEntra entra = serving("fake.entra", FakeEntra.start());
    final FakeAdu adu = serving("fake.api", FakeAdu.start().acceptToken(TOKEN).trust(entra));

    @Override
    String baseUrl() {
        return baseUrl(adu.url());
    }

    @Override
    List<ReceivedRequest> received() {
        return adu.requests();
    }

    @Override
    void assertNothingSent() {
        super.assertNothingSent();
        assertThat(adu.requests()).as("requests the fake ADU received").isEmpty();
        assertThat(entra.tokenRequests())
                .as("requests the fake Entra ID received")
                .isEmpty();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "reportFile", value = "${work.dir}/report.json")
    void gaCancelActsOnEverySubgroupTheDeploymentLists(CancelDeploymentMojo mojo) throws Exception {
        adu.deployment("TestGroup", "dep1", List.of("deviceClassId1", "deviceClassId2"));

        prepare(mojo, ENV_TOKEN).execute();

        assertThat(receivedTargets())
                .containsExactly(
                        "GET " + GA + "/deployments/dep1" + VERSION,
                        "POST " + GA + "/deviceClassSubgroups/deviceClassId1/deployments/dep1:cancel" + VERSION,
                        "POST " + GA + "/deviceClassSubgroups/deviceClassId2/deployments/dep1:cancel" + VERSION);
        assertThat(received())
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(info())
                .contains(
                        "Canceling Azure Device Update deployment 'dep1' on " + baseUrl()
                                + " (in place of contoso.api.adu.microsoft.com), instance 'blue', group 'TestGroup', API 2026-06-01.",
                        "Authenticating with a ready access token (from the AZURE_ACCESS_TOKEN environment variable).",
                        "Azure Device Update deployment 'dep1' has 2 subgroups (deviceClassId1, deviceClassId2): each gets its own cancel.",
                        "Azure Device Update deployment 'dep1', subgroup 'deviceClassId1': cancel requested (HTTP 200: isCanceled=true, isRetried=false)",
                        "Azure Device Update deployment 'dep1', subgroup 'deviceClassId2': cancel requested (HTTP 200: isCanceled=true, isRetried=false)",
                        "Cancel: 2 of 2 subgroup deployments done.");
        JsonNode report = JSON.readTree(Files.readString(workDir.resolve("report.json")));
        assertThat(report.path("deployments"))
                .extracting(e -> e.path("subgroup").asText())
                .containsExactly("deviceClassId1", "deviceClassId2");
        assertThat(report.path("deployments")).allSatisfy(e -> {
            assertThat(e.path("provider").asText()).isEqualTo("azure-device-update");
            assertThat(e.path("deploymentId").asText()).isEqualTo("dep1");
            assertThat(e.path("result").asText()).isEqualTo("succeeded");
        });
        assertThat(log.text()).doesNotContain(TOKEN);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    void aSubgroupThatFailsFailsTheBuildAfterTheOthersWereCanceled(CancelDeploymentMojo mojo) throws Exception {
        adu.deployment("TestGroup", "dep1", List.of("dc1", "dc2", "dc3"))
                .answerAlways("dep1/dc2", AduAnswers.problemNotFound());

        Throwable failure = catchThrowable(() -> prepare(mojo, ENV_TOKEN).execute());

        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cancel: 2 of 3 subgroup deployments done; failed: dep1 (subgroup dc2).");
        assertThat(log.at(RecordingLog.Level.ERROR))
                .singleElement()
                .asString()
                .startsWith(
                        "Azure Device Update cancel of deployment 'dep1', subgroup 'dc2' failed: HTTP 404 Not Found: Not Found."
                                + " Check the deployment id, groupId ('TestGroup'), the device class ('dc2'), the instance ('blue')");
        assertThat(receivedTargets())
                .hasSize(4)
                .contains("POST " + GA + "/deviceClassSubgroups/dc3/deployments/dep1:cancel" + VERSION);
    }

    @Test
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "deviceClassId", value = "deviceClassId")
    @MojoParameter(name = "apiVersion", value = "2023-10-01-preview")
    void gaRetryOfOneSubgroupSendsOneRequest(RetryDeploymentMojo mojo) throws Exception {
        String retry = GA + "/deviceClassSubgroups/deviceClassId/deployments/dep1:retry?api-version=2023-10-01-preview";
        adu.deployment("TestGroup", "dep1", List.of("deviceClassId"));

        prepare(mojo, ENV_TOKEN).execute();

        assertThat(receivedTargets()).containsExactly("POST " + retry);
        assertThat(info())
                .contains(
                        "Azure Device Update deployment 'dep1', subgroup 'deviceClassId': retry requested (HTTP 200: isCanceled=false, isRetried=true)",
                        "Retry: 1 of 1 subgroup deployment done.");
    }

    @Test
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/adu-v2/pom.xml")
    void v2RetrySendsTheSeedsRequest(RetryDeploymentMojo mojo) throws Exception {
        String retry = "/deviceupdate/blue/v2/management/deployments/deploymentId?action=retry";
        // The 2020 spec example, which says isRetried where the live v2 service (and so the fake) says isRetry.
        adu.deployment("TestGroup", "deploymentId", List.of("deviceClassId"))
                .answerAlways("deploymentId", AduAnswers.example("2020-09-01/Deployments_RetryDeployment"));

        prepare(mojo, ENV_TOKEN).execute();

        ReceivedRequest sent = received().get(0);
        assertThat(sent.method() + " " + sent.target()).isEqualTo("POST " + retry);
        assertThat(sent.body()).isEmpty();
        assertThat(info())
                .contains(
                        "Retrying Azure Device Update deployment 'deploymentId' on " + baseUrl()
                                + " (in place of contoso.api.adu.microsoft.com), instance 'blue', v2 management API.",
                        "Azure Device Update deployment 'deploymentId': retry requested (HTTP 200: isCanceled=false, isRetried=true, isCompleted=false)",
                        "Retry: 1 of 1 deployment done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "deploymentId", value = "dep1,dep2")
    @MojoParameter(name = "deviceClassId", value = "dc1")
    @MojoParameter(name = "serverId", value = "adu")
    @MojoParameter(name = "tenantId", value = "tenant-1")
    @MojoParameter(name = "authorityHost", value = "${fake.entra}")
    void aClientSecretFromASettingsServerGetsOneTokenForEveryDeployment(CancelDeploymentMojo mojo) throws Exception {
        addServer("adu", "client-1", CLIENT_SECRET);
        entra.client("tenant-1", "client-1", CLIENT_SECRET);
        adu.deployment("TestGroup", "dep1", List.of("dc1")).deployment("TestGroup", "dep2", List.of("dc1"));

        prepare(mojo).execute();

        assertThat(entra.tokenRequests()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("/tenant-1/oauth2/v2.0/token");
            assertThat(r.header("Authorization")).isNull();
            assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            // MSAL writes the form: the grant, this client, the ADU scope (among OpenID's), and the secret.
            assertThat(r.body())
                    .contains("grant_type=client_credentials")
                    .contains("client_id=client-1")
                    .contains("https%3A%2F%2Fapi.adu.microsoft.com%2F.default")
                    .contains("client_secret=" + CLIENT_SECRET)
                    .doesNotContain("client_assertion");
        });
        String issued = entra.issuedTokens().get(0);
        assertThat(adu.requests())
                .filteredOn(r -> r.target().contains(":cancel"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + issued));
        assertThat(info())
                .contains(
                        "Authenticating with a client secret of client 'client-1' in"
                                + " tenant 'tenant-1' (from the <password> of server 'adu' in settings.xml), through localhost.");
        assertThat(log.text()).doesNotContain(CLIENT_SECRET).doesNotContain(issued);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga-app/pom.xml")
    @MojoParameter(name = "authorityHost", value = "${fake.entra}")
    @CommandLine("-Dfleet.clientSecret=" + CLIENT_SECRET)
    void aRefusedTokenRequestFailsWithEntrasWordsAndNoSecret(CancelDeploymentMojo mojo) throws Exception {
        entra.answerAlways(CannedAnswer.of(
                401,
                "application/json",
                "{\"error\":\"invalid_client\",\"error_description\":"
                        + "\"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client"
                        + " secret value, not the client secret ID, for a secret added to app 'client-1'.\\r\\nTrace ID: 0a1b\","
                        + "\"error_codes\":[7000215]}"));

        Throwable failure = catchThrowable(() -> prepare(mojo).execute());

        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "Azure Device Update cancel of deployment 'dep1', subgroup 'dc1' failed: the token request to localhost was"
                                + " refused: HTTP 401 Unauthorized: AADSTS7000215: Invalid client secret provided. Ensure the secret"
                                + " being sent in the request is the client secret value, not the client secret ID, for a secret added"
                                + " to app 'client-1'. Trace ID: 0a1b (invalid_client). Check the client secret (its value, not its"
                                + " secret id; it may have expired), clientId ('client-1') and tenantId ('tenant-1').");
        assertThat(targets(entra.tokenRequests())).containsExactly("POST /tenant-1/oauth2/v2.0/token");
        assertThat(adu.requests()).isEmpty();
        assertThat(failure.getMessage()).doesNotContain(CLIENT_SECRET);
        assertThat(log.text()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/adu-ga/pom.xml")
    @CommandLine("-Dfleet.accessToken=" + TOKEN)
    void gaStatusShowsEverySubgroupsStateAndDeviceCounts(DeploymentStatusMojo mojo) throws Exception {
        // As in the spec's example of this answer: one subgroup active, one that failed to be created.
        adu.deployment("TestGroup", "dep1", List.of("deviceClassId1", "deviceClassId2"))
                .subgroup("dep1", "deviceClassId1", "Active", 1, 0, 1, 0, 0)
                .subgroup("dep1", "deviceClassId2", "Failed", 2, 0, 1, 1, 0)
                .subgroupError(
                        "dep1",
                        "deviceClassId2",
                        "ADMConfigurationLimitExceeded",
                        "The subgroup deployment failed to be created due to hitting the ADM configuration limit");

        prepare(mojo).execute();

        assertThat(info())
                .containsSubsequence(
                        "Azure Device Update deployment 'dep1': ActiveWithSubgroupFailures; 3 devices: 2 succeeded, 1 failed, 0 in progress, 0 canceled",
                        "  subgroup deviceClassId1: Active; 1 device: 1 succeeded, 0 failed, 0 in progress, 0 canceled",
                        "  subgroup deviceClassId2: Failed; 2 devices: 1 succeeded, 1 failed, 0 in progress, 0 canceled; error: The"
                                + " subgroup deployment failed to be created due to hitting the ADM configuration limit (ADMConfigurationLimitExceeded)");
        assertThat(received())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(log.text()).doesNotContain(TOKEN);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "tenantId", value = "tenant-1")
    @MojoParameter(name = "clientId", value = "client-1")
    @CommandLine("-Dfleet.clientSecret=" + CLIENT_SECRET)
    void aDryRunShowsTheTokenRequestAndEachSubgroupsCancelAndSendsNothing(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo).execute();

        assertNothingSent();
        assertThat(info())
                .contains(
                        "[dry run]   POST https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token  (once per execution, for the token)",
                        "[dry run]     body: grant_type=client_credentials&client_id=client-1&scope=https://api.adu.microsoft.com/.default&client_secret=****",
                        "[dry run]   GET " + baseUrl() + GA + "/deployments/dep1" + VERSION
                                + "  (to list the deployment's subgroups)",
                        "[dry run]   POST " + baseUrl() + GA
                                + "/deviceClassSubgroups/{deviceClassId}/deployments/dep1:cancel" + VERSION
                                + "  (for each subgroup it lists)",
                        "[dry run]     Authorization: Bearer ****");
        assertThat(log.text()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "endpoint", value = "https://contoso.api.adu.microsoft.com")
    void anEndpointWithASchemeIsRefusedBeforeAnythingIsSent(CancelDeploymentMojo mojo) throws Exception {
        Throwable failure = catchThrowable(() -> prepare(mojo, ENV_TOKEN).execute());

        assertThat(failure)
                .hasMessage("The endpoint 'https://contoso.api.adu.microsoft.com' in endpoint (-Dfleet.endpoint)"
                        + " has a scheme: give the account's host name only, such as contoso.api.adu.microsoft.com (baseUrl"
                        + " replaces the whole https://host:port).")
                .hasNoCause();
        assertNothingSent();
    }
}
