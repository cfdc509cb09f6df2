package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.testing.RecordingLog;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configuration mistake fails with {@code MojoExecutionException}, before anything is sent, with one sentence
 * that names the wrong value and where it was set, and no cause (so Maven shows no stack trace). Among them the
 * parameters of {@code select=active}: a selection other than active, or one given together with ids.
 */
@MojoTest
class ConfigurationMistakeTest extends MojoTestSupport {
    private static final String NO_DEPLOYMENT_ID = "No deployment id: set deploymentId (-Dfleet.deploymentId),"
            + " deploymentIds or deploymentIdFile (-Dfleet.deploymentIdFile).";

    /** A value the POM's configuration sets, and the sentence the goal refuses it with. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake(
                        "provider",
                        "datdog",
                        "Unknown provider 'datdog' in provider (-Dfleet.provider): use datadog or azure-device-update (alias adu)."),
                mistake(
                        "provider",
                        "adu",
                        "No Azure Device Update instance: set instance (-Dfleet.instance) to the instance's name."),
                mistake(
                        "site",
                        "datadoghq.mars",
                        "Unknown Datadog site 'datadoghq.mars' in site (-Dfleet.site): use one of datadoghq.com (US1),"
                                + " us3.datadoghq.com (US3), us5.datadoghq.com (US5), datadoghq.eu (EU1), ap1.datadoghq.com (AP1),"
                                + " ap2.datadoghq.com (AP2), uk1.datadoghq.com (UK1), ddog-gov.com (US1-FED), us2.ddog-gov.com (US2-FED)."),
                mistake(
                        "datadogApi",
                        "v1",
                        "Unknown Datadog API generation 'v1' in datadogApi (-Dfleet.datadogApi): use v2 (current) or unstable (the Preview endpoints)."),
                mistake(
                        "baseUrl",
                        "http://gateway.example.com:8080",
                        "baseUrl (-Dfleet.baseUrl) 'http://gateway.example.com:8080' uses plain http to a host that is not"
                                + " this machine: use https (plain http is allowed only to localhost, 127.0.0.1 or [::1])."),
                mistake(
                        "baseUrl",
                        "https://gateway.example.com/api/v2",
                        "baseUrl (-Dfleet.baseUrl) 'https://gateway.example.com/api/v2' has a path, query or fragment:"
                                + " give only scheme://host[:port]; the plugin adds the API's path itself."),
                mistake(
                        "deploymentId",
                        "abc,,def",
                        "deploymentId (-Dfleet.deploymentId) 'abc,,def' has an empty entry: give every id, separated by single commas."),
                mistake(
                        "deploymentId",
                        "..",
                        "The deployment id '..' in deploymentId (-Dfleet.deploymentId) is not a deployment id: give the id"
                                + " the provider returned when the deployment was created."),
                mistake("parallelism", 0, "parallelism (-Dfleet.parallelism) is 0: give 1 to 64."),
                mistake("maxDeployments", 0, "maxDeployments (-Dfleet.maxDeployments) is 0: give 1 to 1000."),
                mistake(
                        Map.of("deploymentId", "", "select", "everything"),
                        "select (-Dfleet.select) is 'everything': the one selection there is, is active (the"
                                + " deployments the API reports as active)."),
                mistake(
                        Map.of("select", "active", "author", "ci-bot@example.com"),
                        "select (-Dfleet.select) is active, and deployment ids are given too (deploymentId"
                                + " (-Dfleet.deploymentId), deploymentIds or deploymentIdFile (-Dfleet.deploymentIdFile)):"
                                + " the selection stands instead of ids, so give one or the other."));
    }

    private static Arguments mistake(String parameter, Object value, String message) {
        return mistake(Map.of(parameter, value), message);
    }

    /** @param values parameters and their values, as a <configuration> sets them on top of the POM's */
    private static Arguments mistake(Map<String, Object> values, String message) {
        return Arguments.of(Named.of(values.toString(), values), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void aMistakenValueIsRefusedBeforeAnythingIsSent(
            Map<String, Object> values, String message, CancelDeploymentMojo mojo) throws Exception {
        // On top of datadog-v2's configuration, as a <configuration> entry sets it: a plain value, copied as it is.
        for (Map.Entry<String, Object> value : values.entrySet()) {
            MojoExtension.setVariableValueToObject(mojo, value.getKey(), value.getValue());
        }

        assertMistake(mojo, message);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.baseUrl=${fake.api} -Dfleet.deploymentId=abc")
    void noProvider(CancelDeploymentMojo mojo) throws Exception {
        assertMistake(mojo, "No provider: set provider (-Dfleet.provider) to datadog or azure-device-update.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    void unknownSiteFromTheEnvironmentSaysSo(CancelDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, Map.of("DD_API_KEY", ENV_API_KEY, "DD_APP_KEY", ENV_APP_KEY, "DD_SITE", "eu2"))
                .hasMessageStartingWith("Unknown Datadog site 'eu2' in the DD_SITE environment variable: use one of ");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.provider=datadog -Dfleet.baseUrl=${fake.api}")
    void noDeploymentId(CancelDeploymentMojo mojo) throws Exception {
        assertMistake(mojo, NO_DEPLOYMENT_ID);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "deploymentId", value = "${env.FLEET_TEST_SURELY_UNSET_VARIABLE}")
    void anUnsetVariableLeavesTheIdUnset(CancelDeploymentMojo mojo) throws Exception {
        // Maven turns an expression it cannot resolve into no value: the user hears that the id is missing.
        assertMistake(mojo, NO_DEPLOYMENT_ID);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/deployment-ids-blank-entry/pom.xml")
    void blankEntryInTheIdList(CancelDeploymentMojo mojo) throws Exception {
        assertMistake(mojo, "Entry 2 of deploymentIds is blank: remove it or fill in the deployment id.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "deploymentIdFile", value = "missing-ids.txt")
    void missingIdFile(CancelDeploymentMojo mojo) throws Exception {
        assertMistake(
                mojo,
                "deploymentIdFile (-Dfleet.deploymentIdFile) '" + workDir.resolve("missing-ids.txt")
                        + "' does not exist: check the path (a relative path is taken from the project folder) and that the step that writes the ids ran.");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "apiKey", value = "pom-api key-with-a-space")
    void aKeyThatCannotTravelInAHeader(CancelDeploymentMojo mojo) throws Exception {
        assertMistake(
                mojo,
                "The Datadog API key from apiKey (-Dfleet.apiKey) contains a space, line break or other character"
                        + " that cannot be sent in an HTTP header: copy the key again.");
    }

    private void assertMistake(CancelDeploymentMojo mojo, String message) throws Exception {
        assertRefused(mojo, ENV_KEYS).hasMessage(message).hasNoCause();
        assertThat(log.at(RecordingLog.Level.ERROR)).isEmpty();
    }
}
