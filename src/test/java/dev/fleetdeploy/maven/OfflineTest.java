package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.RecordingLog;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mvn -o}: a goal that must reach the API fails clearly and sends nothing, instead of skipping silently. */
@MojoTest
class OfflineTest extends MojoTestSupport {

    @BeforeEach
    void goOffline() {
        request.setOffline(true);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void cancelFails(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                // The wording may change; what the user must learn may not.
                .hasMessageContainingAll(
                        "offline", "cancel-deployment must reach the provider's API", "without -o", "nothing was sent");
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    void statusFails(DeploymentStatusMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContainingAll("offline", "deployment-status must reach the provider's API", "without -o");
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    void aDryRunNeedsNoNetworkSoItWorksOffline(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo, ENV_KEYS).execute();

        assertNothingSent();
        assertThat(log.at(RecordingLog.Level.INFO))
                .last()
                .isEqualTo("Dry run: cancel of 1 deployment planned; nothing was sent.");
    }
}
