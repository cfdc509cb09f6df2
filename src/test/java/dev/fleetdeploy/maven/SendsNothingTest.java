package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * The three ways a goal sends nothing, and says so.
 *
 * <ul>
 *   <li>{@code skip}: nothing is sent, nothing is checked, and the log says the goal was skipped;
 *   <li>{@code dryRun}: the log shows each request that would go out, keys as ****, and nothing is sent;
 *   <li>{@code mvn -o}: a goal that must reach the API fails clearly and sends nothing, instead of skipping silently.
 * </ul>
 */
@MojoTest
class SendsNothingTest extends MojoTestSupport {

    // skip

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipInThePom(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        assertNothingSent();
        assertThat(log.lines()).containsExactly("[INFO] Skipping cancel-deployment: skip is set (fleet.skip).");
    }

    @Test
    @InjectMojo(goal = "deployment-status")
    @CommandLine("-Dfleet.skip=true")
    void skipOnTheCommandLineNeedsNoOtherConfiguration(DeploymentStatusMojo mojo) throws Exception {
        // No provider, no id, no key: a pipeline that switches the step off must not have to fill them in.
        prepare(mojo).execute();

        assertNothingSent();
        assertThat(info()).containsExactly("Skipping deployment-status: skip is set (fleet.skip).");
    }

    // dryRun

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    @MojoParameter(name = "serverId", value = "datadog")
    void showsTheRequestWithMaskedKeys(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog", SERVER_API_KEY, SERVER_APP_KEY);

        run(mojo);

        assertNothingSent();
        assertThat(info())
                .containsSequence(
                        "[dry run] Canceling Datadog deployment 'abc-def-ghi' on " + baseUrl()
                                + " (in place of api.datadoghq.com), API v2.",
                        "[dry run] Datadog deployment 'abc-def-ghi': would send",
                        "[dry run]   POST " + baseUrl() + "/api/v2/fleet/deployments/abc-def-ghi/cancel",
                        "[dry run]     DD-API-KEY: ****",
                        "[dry run]     DD-APPLICATION-KEY: ****",
                        "[dry run]     Accept: application/json");
        assertThat(info()).last().isEqualTo("Dry run: cancel of 1 deployment planned; nothing was sent.");
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-unstable-eu/pom.xml")
    @CommandLine("-Dfleet.dryRun=true")
    void statusThroughTheUnstableApiShowsItsPaging(DeploymentStatusMojo mojo) throws Exception {
        run(mojo);

        assertNothingSent();
        assertThat(info())
                .contains(
                        "[dry run]   GET " + baseUrl() + "/api/unstable/fleet/deployments/dep-1?limit=100&page=0"
                                + "  (and further pages while the deployment has more hosts)",
                        "[dry run]   GET " + baseUrl() + "/api/unstable/fleet/deployments/dep-2?limit=100&page=0"
                                + "  (and further pages while the deployment has more hosts)",
                        "Dry run: status of 2 deployments planned; nothing was sent.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    void stillChecksTheConfigurationInFull(CancelDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, Map.of()).hasMessageStartingWith("No Datadog API key found (set apiKey");
    }

    // mvn -o

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void offlineCancelFails(CancelDeploymentMojo mojo) throws Exception {
        request.setOffline(true);

        assertRefused(mojo, ENV_KEYS)
                // The wording may change; what the user must learn may not.
                .hasMessageContainingAll(
                        "offline", "cancel-deployment must reach the provider's API", "without -o", "nothing was sent");
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    void offlineStatusFails(DeploymentStatusMojo mojo) throws Exception {
        request.setOffline(true);

        assertRefused(mojo, ENV_KEYS)
                .hasMessageContainingAll("offline", "deployment-status must reach the provider's API", "without -o");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    void aDryRunNeedsNoNetworkSoItWorksOffline(CancelDeploymentMojo mojo) throws Exception {
        request.setOffline(true);

        run(mojo);

        assertNothingSent();
        assertThat(info()).last().isEqualTo("Dry run: cancel of 1 deployment planned; nothing was sent.");
    }
}
