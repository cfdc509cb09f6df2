package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.RecordingLog;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * No key ever shows, at any level including debug, nor in an exception or the report, even when the API echoes it
 * back: the user sees {@code ****} in its place.
 */
@MojoTest
class SecretMaskingTest extends MojoTestSupport {
    private static final String ID = "abc-def-ghi";

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "reportFile", value = "${work.dir}/report.json")
    void keysEchoedInAnErrorBodyAreMaskedEverywhere(CancelDeploymentMojo mojo) throws Exception {
        api.answerAlways(ID, CannedAnswer.errors(401, "Invalid key pair " + ENV_API_KEY + " / " + ENV_APP_KEY));

        Throwable failure = catchThrowable(() -> prepare(mojo, ENV_KEYS).execute());

        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("HTTP 401 Unauthorized: Invalid key pair **** / ****.");
        // The debug line of the answer showed the body too; it must have been masked as well.
        assertThat(log.at(RecordingLog.Level.DEBUG))
                .anyMatch(line -> line.startsWith("<- 401 Unauthorized") && line.contains("****"));
        assertThat(log.at(RecordingLog.Level.ERROR))
                .singleElement()
                .asString()
                .contains("Invalid key pair **** / ****");
        String report = Files.readString(workDir.resolve("report.json"));
        assertThat(report).contains("Invalid key pair **** / ****");
        assertNoSecretShown(failure.getMessage(), report);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "serverId", value = "datadog")
    @MojoParameter(name = "failOnError", value = "false")
    void aSettingsServersKeysEchoedInAWarningAreMasked(CancelDeploymentMojo mojo) throws Exception {
        addServer("datadog", SERVER_API_KEY, SERVER_APP_KEY);
        api.answerAlways(
                ID,
                CannedAnswer.jsonApiError(
                        403,
                        "Forbidden",
                        "key " + SERVER_API_KEY + " lacks fleet_policies_write (app key " + SERVER_APP_KEY + ")"));

        prepare(mojo).execute();

        assertThat(log.at(RecordingLog.Level.WARNING))
                .first()
                .asString()
                .contains("Forbidden: key **** lacks fleet_policies_write (app key ****)");
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "deployment-status", pom = "classpath:/unit/datadog-v2/pom.xml")
    @CommandLine(PROPERTY_KEYS)
    void keysEchoedInASuccessfulAnswerAreMaskedInTheDebugLog(DeploymentStatusMojo mojo) throws Exception {
        api.answerAlways(
                ID,
                CannedAnswer.of(
                        200,
                        "application/json",
                        "{\"data\":{\"attributes\":{" + "\"high_level_status\":\"running\",\"author\":\""
                                + PROPERTY_API_KEY + "\",\"query\":\"" + PROPERTY_APP_KEY + "\"}}}"));

        prepare(mojo).execute();

        assertThat(log.at(RecordingLog.Level.DEBUG))
                .anyMatch(line -> line.contains("DD-API-KEY: ****") && line.contains("DD-APPLICATION-KEY: ****"))
                .anyMatch(line -> line.contains("\"author\":\"****\""));
        assertNoSecretShown();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "apiKey", value = POM_API_KEY)
    @MojoParameter(name = "applicationKey", value = POM_APP_KEY)
    void aKeyInARedirectsLocationIsMasked(CancelDeploymentMojo mojo) throws Exception {
        api.answerAlways(
                ID,
                CannedAnswer.empty(302).withHeader("Location", "https://sso.example.com/login?api_key=" + POM_API_KEY));

        Throwable failure = catchThrowable(() -> prepare(mojo).execute());

        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("redirect to https://sso.example.com/login?api_key=****,");
        assertNoSecretShown(failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "maxRetries", value = "1")
    void keysEchoedInAnswersThatAreRetriedAreMasked(CancelDeploymentMojo mojo) throws Exception {
        api.answerOnce(ID, new CannedAnswer(429, Map.of("x-ratelimit-reset", "1"), "slow down, " + ENV_API_KEY))
                .answerAlways(ID, CannedAnswer.errors(500, "internal error for " + ENV_APP_KEY));

        Throwable failure = catchThrowable(() -> prepare(mojo, ENV_KEYS).execute());

        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("HTTP 500 Internal Server Error: internal error for ****.");
        assertThat(log.at(RecordingLog.Level.DEBUG)).anyMatch(line -> line.contains("slow down, ****"));
        assertNoSecretShown(failure.getMessage());
    }
}
