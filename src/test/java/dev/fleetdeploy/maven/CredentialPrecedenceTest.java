package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the Datadog keys come from: the explicit parameter, then the settings.xml server named by {@code serverId}
 * ({@code <username>} the API key, {@code <password>} the application key, through Maven's real
 * {@code SettingsDecrypter}), then {@code DD_API_KEY}/{@code DD_APP_KEY}. Each key on its own.
 *
 * <p>{@code fleet.apiKey} and {@code fleet.applicationKey} count as the explicit parameter: Maven injects them as
 * {@link SecretParameter}s, whose {@code toString()} (all that {@code -X} prints of them) is a mask.
 */
@MojoTest
class CredentialPrecedenceTest extends MojoTestSupport {

    /** settings.xml's servers: one with both keys, one with only a {@code <username>} (the API key). */
    @BeforeEach
    void answerTheCancelWithServersInSettings() {
        api.deployment("abc-def-ghi", "running", 1);
        addServer("datadog-eu", SERVER_API_KEY, SERVER_APP_KEY);
        addServer("datadog-eu-username-only", SERVER_API_KEY, null);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void environmentAloneIsEnough(CancelDeploymentMojo mojo) throws Exception {
        assertCancelSends(mojo, ENV_API_KEY, ENV_APP_KEY); // with no serverId, no server of settings.xml counts
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog-eu")
    void settingsServerBeatsEnvironment(CancelDeploymentMojo mojo) throws Exception {
        assertCancelSends(mojo, SERVER_API_KEY, SERVER_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog-eu")
    @MojoParameter(name = "apiKey", value = POM_API_KEY)
    @MojoParameter(name = "applicationKey", value = POM_APP_KEY)
    void parameterBeatsSettingsServerAndEnvironment(CancelDeploymentMojo mojo) throws Exception {
        assertCancelSends(mojo, POM_API_KEY, POM_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog-eu-username-only")
    void eachKeyTakesItsOwnFirstSource(CancelDeploymentMojo mojo) throws Exception {
        assertCancelSends(mojo, SERVER_API_KEY, ENV_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "applicationKey", value = POM_APP_KEY)
    void parameterForOneKeyEnvironmentForTheOther(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo, Map.of("DD_API_KEY", ENV_API_KEY)).execute();

        assertKeysSent(ENV_API_KEY, POM_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog-typo")
    void aServerIdWithNoSuchServerFailsBeforeSending(CancelDeploymentMojo mojo) throws Exception {
        // The environment has keys, but a serverId the user set and Maven lacks is a mistake, not a fallback.
        assertRefused(mojo, ENV_KEYS)
                .hasMessage(
                        "serverId (-Dfleet.serverId) is 'datadog-typo', but settings.xml has no <server> with that id:"
                                + " add one (<username> the API key, <password> the application key) or correct the id.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog-eu")
    @CommandLine(PROPERTY_KEYS)
    void userPropertiesBeatSettingsServerAndEnvironment(CancelDeploymentMojo mojo) throws Exception {
        assertCancelSends(mojo, PROPERTY_API_KEY, PROPERTY_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @CommandLine(PROPERTY_KEYS)
    void injectedKeysShowOnlyAMask(CancelDeploymentMojo mojo) throws Exception {
        // What Maven's -X output prints for each parameter: "(f) apiKey = " + value.toString().
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "apiKey"))
                .hasToString("****");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "applicationKey"))
                .hasToString("****");

        prepare(mojo).execute();

        assertKeysSent(PROPERTY_API_KEY, PROPERTY_APP_KEY);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "apiKey", value = POM_API_KEY)
    @CommandLine(PROPERTY_KEYS)
    void pomParameterBeatsProperty(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo).execute();

        assertKeysSent(POM_API_KEY, PROPERTY_APP_KEY);
    }

    /** Runs the cancel with {@link #ENV_KEYS} in the environment and checks the keys its request carried. */
    private void assertCancelSends(CancelDeploymentMojo mojo, String apiKey, String applicationKey) throws Exception {
        run(mojo);

        assertKeysSent(apiKey, applicationKey);
    }

    private void assertKeysSent(String apiKey, String applicationKey) {
        assertCarriesKeys(received().get(0), apiKey, applicationKey);
        assertNoSecretShown();
    }
}
