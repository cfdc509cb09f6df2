package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * A pipeline's call with no POM at all: {@code mvn fleet:cancel-deployment -Dfleet.provider=datadog ...}. Every
 * parameter comes from a user property through Maven's own expression evaluation.
 */
@MojoTest
class CommandLineTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.provider=datadog -Dfleet.site=us5.datadoghq.com -Dfleet.datadogApi=unstable"
            + " -Dfleet.baseUrl=${fake.api} -Dfleet.deploymentId=one,two " + PROPERTY_KEYS)
    void everyParameterFromUserProperties(CancelDeploymentMojo mojo) throws Exception {
        api.deployment("one", "running", 1).deployment("two", "pending", 1);

        prepare(mojo).execute();

        assertThat(receivedTargets())
                .containsExactlyInAnyOrder(
                        "POST /api/unstable/fleet/deployments/one/cancel",
                        "POST /api/unstable/fleet/deployments/two/cancel");
        assertThat(received()).allSatisfy(sent -> assertCarriesKeys(sent, PROPERTY_API_KEY, PROPERTY_APP_KEY));
        assertThat(info())
                .contains(
                        "Canceling 2 Datadog deployments ('one', 'two') on " + baseUrl()
                                + " (in place of api.us5.datadoghq.com), API unstable.",
                        "Cancel: 2 of 2 deployments done.");
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.provider=datadog -Dfleet.baseUrl=${fake.api}"
            + " -Dfleet.deploymentIdFile=${work.dir}/deployments.txt -Dfleet.serverId=datadog")
    void idsFromAFileAndKeysFromSettings(CancelDeploymentMojo mojo) throws Exception {
        Files.writeString(workDir.resolve("deployments.txt"), "\uFEFFk7Q-3mX-p9Z\r\n# done\r\n");
        addServer("datadog", SERVER_API_KEY, SERVER_APP_KEY);
        api.deployment("k7Q-3mX-p9Z", "running", 2);

        prepare(mojo).execute();

        assertThat(receivedTargets()).containsExactly("POST /api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel");
        assertThat(received().get(0).header("DD-API-KEY")).isEqualTo(SERVER_API_KEY);
    }
}
