package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import java.nio.file.Files;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** A POM's {@code <configuration>} reaches the core: the right requests go out, and the log says what happened. */
@MojoTest
class PomConfigurationTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void cancelsThroughApiV2ByDefault(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("abc-def-ghi", "running", 2);

        run(mojo);

        ReceivedRequest sent = received().get(0);
        assertThat(receivedTargets()).containsExactly("POST /api/v2/fleet/deployments/abc-def-ghi/cancel");
        assertCarriesKeys(sent, ENV_API_KEY, ENV_APP_KEY);
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(sent.header("User-Agent")).startsWith("fleet-deployment-maven-plugin/");
        assertThat(info())
                .containsExactly(
                        "Canceling Datadog deployment 'abc-def-ghi' on " + baseUrl()
                                + " (in place of api.datadoghq.com), API v2.",
                        "Datadog deployment 'abc-def-ghi': cancel requested (HTTP 200, state stopping:"
                                + " Cancellation has been requested; the deployment is stopping.)",
                        "Cancel: 1 of 1 deployment done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-unstable-eu/pom.xml")
    void siteApiGenerationAndIdListReachTheRequests(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("dep-1", "running", 2).deployment("dep-2", "pending", 2);

        run(mojo);

        assertThat(receivedTargets())
                .containsExactlyInAnyOrder(
                        "POST /api/unstable/fleet/deployments/dep-1/cancel",
                        "POST /api/unstable/fleet/deployments/dep-2/cancel");
        assertThat(info())
                .contains(
                        // The site (EU1) shows as the host baseUrl stands in for.
                        "Canceling 2 Datadog deployments ('dep-1', 'dep-2') on " + baseUrl()
                                + " (in place of api.datadoghq.eu), API unstable.",
                        "Datadog deployment 'dep-1': cancel requested (HTTP 204)",
                        "Datadog deployment 'dep-2': cancel requested (HTTP 204)",
                        "Cancel: 2 of 2 deployments done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-unstable-eu/pom.xml")
    void everyIdIsAttemptedThenTheBuildFailsNamingTheFailedOne(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("dep-2", "running", 2); // and no dep-1

        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Cancel: 1 of 2 deployments done; failed: dep-1.")
                .hasMessageContaining(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 404 Not Found: Deployment not found.")
                // The Preview generation's 404 may mean the path itself is gone: the hint says so.
                .hasMessageContaining("try datadogApi=v2");
        assertThat(receivedTargets()).hasSize(2);
        assertThat(log.at(RecordingLog.Level.ERROR))
                .singleElement()
                .asString()
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP 404 Not Found");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/deployment-id-sources/pom.xml")
    void idsFromCommaListListAndFileAreEachCanceledOnceAndEncodedAsOnePathSegment(CancelDeploymentMojo mojo)
            throws Exception {
        Files.writeString(workDir.resolve("ids.txt"), "# written by the deploy step\n\nd-4\n  a-1  \n");
        for (String id : new String[] {"a-1", "b-2", "team#c 3", "d-4"}) {
            api.deployment(id, "running", 1);
        }

        run(mojo);

        assertThat(receivedTargets())
                .containsExactlyInAnyOrder(
                        "POST /api/v2/fleet/deployments/a-1/cancel",
                        "POST /api/v2/fleet/deployments/b-2/cancel",
                        "POST /api/v2/fleet/deployments/team%23c%203/cancel",
                        "POST /api/v2/fleet/deployments/d-4/cancel");
        assertThat(info())
                .contains(
                        "Canceling 4 Datadog deployments ('a-1', 'b-2', 'team#c 3', 'd-4') on " + baseUrl()
                                + " (in place of api.datadoghq.com), API v2.",
                        "Cancel: 4 of 4 deployments done.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "datadogApi", value = "unstable")
    @MojoParameter(name = "site", value = "app.ddog-gov.com")
    void parametersGivenOnTopOfThePomWin(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("abc-def-ghi", "running", 1);

        run(mojo);

        assertThat(receivedTargets()).containsExactly("POST /api/unstable/fleet/deployments/abc-def-ghi/cancel");
        assertThat(info()).first().asString().endsWith("(in place of api.ddog-gov.com), API unstable.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aCancelWhoseAnswerIsNotJsonStillSucceeds(CancelDeploymentMojo mojo) throws Exception {
        // Any 2xx is success; the body only adds words.
        api.answerAlways("abc-def-ghi", CannedAnswer.of(200, "application/json", "<html>ok</html>"));

        run(mojo);

        assertThat(info())
                .contains(
                        "Datadog deployment 'abc-def-ghi': cancel requested (HTTP 200)",
                        "Cancel: 1 of 1 deployment done.");
    }
}
