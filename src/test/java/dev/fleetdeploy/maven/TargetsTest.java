package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.ReceivedRequest;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * {@code targets}: several organizations or sites in one execution. Each gets its own requests, inherits what it
 * leaves out (a group at a time), and messages name it ("targets[2]", "target 'eu'").
 */
@MojoTest
class TargetsTest extends MojoTestSupport {

    private static final String ADU_TOKEN = "env-adu-token-1a2b3c";

    /** A second Datadog, for the second target ({@code ${fake.api2}}). */
    final FakeDatadog api2 = serving("fake.api2", FakeDatadog.startAcceptingAnyKeys());

    /** An Azure Device Update account ({@code ${fake.adu}}). */
    final FakeAdu adu = serving("fake.adu", FakeAdu.start().acceptToken(ADU_TOKEN));

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets-datadog-and-adu/pom.xml")
    void aDatadogSiteAndAnAduAccountAreCanceledByOneExecution(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("k7Q-3mX-p9Z", "running", 2);
        adu.deployment("TestGroup", "rollout-1", List.of("dc1"));
        String aduCancel =
                "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/rollout-1:cancel"
                        + "?api-version=2026-06-01";

        prepare(mojo, Map.of("DD_API_KEY", ENV_API_KEY, "DD_APP_KEY", ENV_APP_KEY, "AZURE_ACCESS_TOKEN", ADU_TOKEN))
                .execute();

        assertThat(received()).singleElement().satisfies(sent -> {
            assertThat(sent.header("DD-API-KEY")).isEqualTo(ENV_API_KEY);
            assertThat(sent.header("Authorization")).isNull();
        });
        assertThat(adu.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.method() + " " + sent.target()).isEqualTo("POST " + aduCancel);
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + ADU_TOKEN);
            assertThat(sent.header("DD-API-KEY")).isNull();
        });
        assertThat(info())
                .contains(
                        "target 'agents': Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping: Cancellation has been"
                                + " requested; the deployment is stopping.)",
                        "target 'devices': Azure Device Update deployment 'rollout-1', subgroup 'dc1': cancel requested (HTTP 200:"
                                + " isCanceled=true, isRetried=false)",
                        "Cancel: 2 of 2 deployments done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets/pom.xml")
    void eachTargetSendsToItsOwnApiWithItsOwnKeys(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog-eu", SERVER_API_KEY, SERVER_APP_KEY);
        api.deployment("us-1", "running", 2).deployment("us-2", "running", 2);
        api2.deployment("eu-1", "running", 2);

        run(mojo);

        assertThat(receivedTargets())
                .containsExactlyInAnyOrder(
                        "POST /api/v2/fleet/deployments/us-1/cancel", "POST /api/v2/fleet/deployments/us-2/cancel");
        assertThat(received()).allSatisfy(sent -> assertCarriesKeys(sent, POM_API_KEY, POM_APP_KEY));
        List<ReceivedRequest> euRequests = api2.requests();
        assertThat(euRequests).singleElement().satisfies(sent -> {
            assertThat(sent.method() + " " + sent.target())
                    .isEqualTo("POST /api/unstable/fleet/deployments/eu-1/cancel");
            assertCarriesKeys(sent, SERVER_API_KEY, SERVER_APP_KEY);
        });
        assertThat(info())
                .contains(
                        "targets[1]: Canceling 2 Datadog deployments ('us-1', 'us-2') on " + baseUrl()
                                + " (in place of api.datadoghq.com), API v2.",
                        "targets[2]: Canceling Datadog deployment 'eu-1' on " + baseUrl(api2.url())
                                + " (in place of api.datadoghq.eu), API unstable.",
                        "targets[2]: Datadog deployment 'eu-1': cancel requested (HTTP 204)",
                        "Cancel: 3 of 3 deployments done.");
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets/pom.xml")
    void aFailureIsNamedByItsTarget(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog-eu", SERVER_API_KEY, SERVER_APP_KEY);
        api.deployment("us-1", "running", 2).deployment("us-2", "running", 2); // and no eu-1 at the second

        assertThatThrownBy(() -> prepare(mojo).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cancel: 2 of 3 deployments done; failed: targets[2]:eu-1.")
                .hasMessageContaining("targets[2]: Datadog cancel of deployment 'eu-1' failed: HTTP 404 Not Found:"
                        + " Deployment not found. Check the deployment id")
                .hasMessageContaining("the baseUrl (" + baseUrl(api2.url()) + ")");
        assertThat(received()).hasSize(2);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets-inheritance/pom.xml")
    void aTargetInheritsWhatItLeavesOutAGroupAtATime(CancelDeploymentMojo mojo) throws Exception {
        // A dry run shows where each target would send, without reaching the real Datadog for the 'eu' target.
        run(mojo);

        assertNothingSent();
        assertThat(info())
                .contains(
                        // Everything inherited: the fake API, the unstable API, the shared id.
                        "[dry run] targets[1]: Canceling Datadog deployment 'shared-1' on " + baseUrl()
                                + " (in place of api.datadoghq.com), API unstable.",
                        "[dry run]   POST " + baseUrl() + "/api/unstable/fleet/deployments/shared-1/cancel",
                        // Its own site, so not the top-level baseUrl; its own datadogApi; the shared id.
                        "[dry run] target 'eu': Canceling Datadog deployment 'shared-1' on datadoghq.eu, API v2.",
                        "[dry run]   POST https://api.datadoghq.eu/api/v2/fleet/deployments/shared-1/cancel",
                        "Dry run: cancel of 2 deployments planned; nothing was sent.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets-inheritance/pom.xml")
    @MojoParameter(name = "site", value = "EU9")
    void anInheritedMistakeIsNamedAtTheTopLevel(CancelDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, ENV_KEYS)
                .hasMessageStartingWith("Unknown Datadog site 'EU9' in site (-Dfleet.site): use one of ");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets-mistakes/pom.xml")
    void aTargetsOwnMistakeIsNamedByItsPosition(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Unknown Datadog API generation 'v3' in datadogApi of targets[2]: use v2 (current) or"
                        + " unstable (the Preview endpoints).");
        // The first target was fine, but nothing goes out while any target is misconfigured.
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/targets-named/pom.xml")
    void aNamedTargetIsCalledByItsName(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog-eu", SERVER_API_KEY, null);

        assertRefused(mojo, Map.of())
                .hasMessage("No Datadog application key found: set applicationKey of target 'eu', the <password> of"
                        + " server 'datadog-eu' in settings.xml or the DD_APP_KEY environment variable.");
        assertThat(api2.requests()).isEmpty();
    }
}
