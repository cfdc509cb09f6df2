package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.ReceivedRequest;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fleet.apiKey} and {@code fleet.applicationKey}: injected by Maven as {@link SecretParameter}s, whose
 * {@code toString()} (all that {@code -X} prints of them) is a mask; they count as the explicit parameter.
 */
@MojoTest
class CredentialPropertiesTest extends MojoTestSupport {

    @BeforeEach
    void answerTheCancel() {
        api.deployment("abc-def-ghi", "running", 1);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog")
    @UserProperty(name = "fleet.apiKey", value = PROPERTY_API_KEY)
    @UserProperty(name = "fleet.applicationKey", value = PROPERTY_APP_KEY)
    void userPropertiesBeatSettingsServerAndEnvironment(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog", SERVER_API_KEY, SERVER_APP_KEY);

        prepare(mojo, ENV_KEYS).execute();

        assertKeysSent(PROPERTY_API_KEY, PROPERTY_APP_KEY);
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @UserProperty(name = "fleet.apiKey", value = PROPERTY_API_KEY)
    @UserProperty(name = "fleet.applicationKey", value = PROPERTY_APP_KEY)
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
    @UserProperty(name = "fleet.apiKey", value = PROPERTY_API_KEY)
    @UserProperty(name = "fleet.applicationKey", value = PROPERTY_APP_KEY)
    void pomParameterBeatsProperty(CancelDeploymentMojo mojo) throws Exception {
        prepare(mojo).execute();

        assertKeysSent(POM_API_KEY, PROPERTY_APP_KEY);
    }

    private void assertKeysSent(String apiKey, String applicationKey) {
        ReceivedRequest sent = received().get(0);
        assertThat(sent.header("DD-API-KEY")).as("DD-API-KEY").isEqualTo(apiKey);
        assertThat(sent.header("DD-APPLICATION-KEY")).as("DD-APPLICATION-KEY").isEqualTo(applicationKey);
    }
}
