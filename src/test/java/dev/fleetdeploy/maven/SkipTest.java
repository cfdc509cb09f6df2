package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.RecordingLog;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** {@code skip}: nothing is sent, nothing is checked, and the log says the goal was skipped. */
@MojoTest
class SkipTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipInThePom(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo, ENV_KEYS).execute();

        assertNothingSent();
        assertThat(log.lines()).containsExactly("[INFO] Skipping cancel-deployment: skip is set (fleet.skip).");
    }

    @Test
    @InjectMojo(goal = "deployment-status")
    @UserProperty(name = "fleet.skip", value = "true")
    void skipOnTheCommandLineNeedsNoOtherConfiguration(DeploymentStatusMojo mojo) throws Exception {
        // No provider, no id, no key: a pipeline that switches the step off must not have to fill them in.
        prepare(mojo).execute();

        assertNothingSent();
        assertThat(log.at(RecordingLog.Level.INFO))
                .containsExactly("Skipping deployment-status: skip is set (fleet.skip).");
    }
}
