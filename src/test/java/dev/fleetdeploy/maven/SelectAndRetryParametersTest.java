package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The parameters of {@code select=active} and of a Datadog retry, as the goals take them: a value that cannot work is
 * refused in one sentence naming the parameter, before anything is sent.
 */
@MojoTest
class SelectAndRetryParametersTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxDeployments", value = "0")
    void maxDeploymentsBelowOneIsRefused(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("maxDeployments (-Dfleet.maxDeployments) is 0: give 1 to 1000.")
                .hasNoCause();
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "targetPackages", value = "datadog-agent 7.52.0")
    void targetPackagesNotWrittenAsNameAtVersionAreRefused(RetryDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("targetPackages (-Dfleet.targetPackages) 'datadog-agent 7.52.0' has the entry"
                        + " 'datadog-agent 7.52.0': write each package as name@version (datadog-agent@7.52.0), several"
                        + " separated by commas.");
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "deploymentId", value = "")
    @MojoParameter(name = "select", value = "everything")
    void aSelectionOtherThanActiveIsRefused(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("select (-Dfleet.select) is 'everything': the one selection there is, is active (the"
                        + " deployments the API reports as active).");
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "select", value = "active")
    @MojoParameter(name = "author", value = "ci-bot@example.com")
    void aSelectionTogetherWithIdsIsRefused(CancelDeploymentMojo mojo) throws Exception {
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("select (-Dfleet.select) is active, and deployment ids are given too");
        assertNothingSent();
    }
}
