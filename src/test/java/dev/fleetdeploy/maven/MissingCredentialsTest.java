package dev.fleetdeploy.maven;

import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** A missing key fails before anything is sent, naming every place that was looked at, in the order tried. */
@MojoTest
class MissingCredentialsTest extends MojoTestSupport {

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void noKeyAnywhere(CancelDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, Map.of())
                .hasMessage("No Datadog API key found (set apiKey (-Dfleet.apiKey), the <username> of a settings.xml"
                        + " server named by serverId (-Dfleet.serverId) or the DD_API_KEY environment variable)"
                        + " and no application key (set applicationKey (-Dfleet.applicationKey), the"
                        + " <password> of a settings.xml server named by serverId (-Dfleet.serverId) or the DD_APP_KEY"
                        + " environment variable).");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog")
    void onlyTheApplicationKeyMissingNamesTheServerThatLacksIt(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog", SERVER_API_KEY, null);

        assertRefused(mojo, Map.of("DD_API_KEY", " ", "DD_APP_KEY", ""))
                .hasMessage("No Datadog application key found: set applicationKey (-Dfleet.applicationKey), the"
                        + " <password> of server 'datadog' in settings.xml or the DD_APP_KEY environment variable.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aMisnamedApplicationKeyVariableIsPointedOut(CancelDeploymentMojo mojo) throws Exception {
        // DD_APPLICATION_KEY is a common guess, read by no official Datadog client.
        Map<String, String> environment = Map.of("DD_API_KEY", ENV_API_KEY, "DD_APPLICATION_KEY", ENV_APP_KEY);

        assertRefused(mojo, environment)
                .hasMessageStartingWith("No Datadog application key found:")
                .hasMessageEndingWith("or the DD_APP_KEY environment variable (DD_APPLICATION_KEY is set, but Datadog's"
                        + " clients and this plugin read DD_APP_KEY).")
                .message()
                .doesNotContain(ENV_APP_KEY, ENV_API_KEY);
    }
}
