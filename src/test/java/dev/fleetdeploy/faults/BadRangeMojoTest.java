package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.maven.CancelDeploymentMojo;
import dev.fleetdeploy.testing.RecordingLog;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timeouts, retries, parallelism and executionTimeout out of range are refused by the goal itself, before anything
 * is sent: a typo such as 3000 retries must not hold a pipeline. Each refusal is one sentence naming the parameter,
 * its property and the range, with no cause (so Maven prints no stack trace).
 */
@MojoTest
class BadRangeMojoTest {
    private static final String POM = "classpath:/unit/faults-datadog/pom.xml";

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Everything the goal logged. */
    private final RecordingLog log = new RecordingLog();

    private CancelDeploymentMojo prepare(CancelDeploymentMojo mojo) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "baseUrl", FaultRig.baseUrl(server));
        MojoExtension.setVariableValueToObject(mojo, "environment", FaultRig.env());
        mojo.setLog(log.mavenLog());
        return mojo;
    }

    private void assertRefused(CancelDeploymentMojo mojo, String message) throws Exception {
        assertThatThrownBy(prepare(mojo)::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(message)
                .hasNoCause();
        assertThat(server.getRequestCount()).as("requests sent").isZero();
        assertThat(log.lines()).as("lines logged").isEmpty();
    }

    /** Each parameter at a value out of its range, and the sentence that refuses it. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "connectTimeout|0|connectTimeout (-Dfleet.connectTimeout) is 0: give 1 to 300.",
                "connectTimeout|301|connectTimeout (-Dfleet.connectTimeout) is 301: give 1 to 300.",
                "readTimeout|-5|readTimeout (-Dfleet.readTimeout) is -5: give 1 to 600.",
                "readTimeout|601|readTimeout (-Dfleet.readTimeout) is 601: give 1 to 600.",
                "maxRetries|-1|maxRetries (-Dfleet.maxRetries) is -1: give 0 to 10.",
                "maxRetries|3000|maxRetries (-Dfleet.maxRetries) is 3000: give 0 to 10.",
                "waitTimeout|0|waitTimeout (-Dfleet.waitTimeout) is 0: give at least 1.",
                "waitTimeout|86401|waitTimeout (-Dfleet.waitTimeout) is 86401: give 1 to 86400.",
                "parallelism|0|parallelism (-Dfleet.parallelism) is 0: give 1 to 64.",
                "parallelism|65|parallelism (-Dfleet.parallelism) is 65: give 1 to 64.",
                "executionTimeout|9|executionTimeout (-Dfleet.executionTimeout) is 9: give at least 10.",
                "executionTimeout|0|executionTimeout (-Dfleet.executionTimeout) is 0: give at least 10.",
                "executionTimeout|86401|executionTimeout (-Dfleet.executionTimeout) is 86401: give 10 to 86400.",
            })
    @InjectMojo(goal = "cancel-deployment", pom = POM)
    void aValueOutOfRangeIsRefused(String parameter, int value, String message, CancelDeploymentMojo mojo)
            throws Exception {
        // On top of the POM's configuration, as a <configuration> entry sets it.
        MojoExtension.setVariableValueToObject(mojo, parameter, value);

        assertRefused(mojo, message);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/faults-datadog-bounds/pom.xml")
    void theBoundsThemselvesAreAccepted(CancelDeploymentMojo mojo) throws Exception {
        server.enqueue(FaultAnswers.datadogCanceled());

        prepare(mojo).execute();

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest().getHeaders().get("DD-API-KEY")).isEqualTo(FaultRig.DD_API_KEY);
        assertThat(log.lines()).anyMatch(line -> line.contains("Cancel: 1 of 1 deployment done."));
        FaultRig.assertNoSecretIn(log.text());
    }
}
