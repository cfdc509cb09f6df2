package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.RecordingLog;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * {@code failOnError=false}: an API failure (here a 404: the fake holds no deployment) becomes a warning and the build
 * goes on; a broken setup still fails.
 */
@MojoTest
class FailOnErrorTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "failOnError", value = "false")
    void a404BecomesAWarning(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        assertThat(log.at(RecordingLog.Level.WARNING))
                .satisfiesExactly(
                        line -> assertThat(line)
                                .startsWith(
                                        "Datadog cancel of deployment 'abc-def-ghi' failed: HTTP 404 Not Found: Deployment not found. Check the deployment id"),
                        line -> assertThat(line)
                                .isEqualTo("failOnError is false: the build goes on despite 1 failed deployment."));
        assertThat(log.at(RecordingLog.Level.ERROR)).isEmpty();
        assertThat(info()).contains("Cancel: 0 of 1 deployment done; failed: abc-def-ghi.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @CommandLine("-Dfleet.failOnError=false")
    void fromTheCommandLineToo(CancelDeploymentMojo mojo) throws Exception {
        run(mojo);

        assertThat(log.at(RecordingLog.Level.WARNING)).hasSize(2);
        assertThat(received()).hasSize(1);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "failOnError", value = "false")
    void aConfigurationMistakeStillFailsTheBuild(CancelDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, Map.of()).hasMessageStartingWith("No Datadog API key found (set apiKey");
    }
}
