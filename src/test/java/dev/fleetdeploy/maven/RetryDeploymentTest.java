package dev.fleetdeploy.maven;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fleet:retry-deployment} refused before anything is sent: with Datadog's unstable API, which has no create
 * endpoint (a Datadog retry creates a new deployment), and with packages not written as name@version.
 */
@MojoTest
class RetryDeploymentTest extends MojoTestSupport {
    private static final String NO_RETRY = "Datadog has no retry operation: a retry creates a new deployment aimed at"
            + " the failed hosts, and datadogApi=unstable has no create endpoint, so nothing was sent: retry with"
            + " datadogApi=v2.";

    @Test
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/datadog-unstable-eu/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    void aDryRunIsRefusedToo(RetryDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, ENV_KEYS).hasMessage(NO_RETRY);
    }

    /*
     * The refusal comes first, even without keys or offline: told to set keys (or drop -o) for an operation that can
     * never work, the user would fix that, run again, and only then learn that the unstable API cannot retry.
     */
    static Stream<Arguments> builds() {
        return Stream.of(
                Arguments.of(Named.of("with keys", ENV_KEYS), false),
                Arguments.of(Named.of("before the keys are looked for", Map.of()), false),
                Arguments.of(Named.of("rather than told to go online", ENV_KEYS), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builds")
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "datadogApi", value = "unstable")
    void refusedWithAMessageThatSaysWhy(Map<String, String> environment, boolean offline, RetryDeploymentMojo mojo)
            throws Exception {
        request.setOffline(offline);

        assertRefused(mojo, environment).hasMessage(NO_RETRY).hasNoCause();
    }

    @Test
    @InjectMojo(goal = "retry-deployment", pom = "classpath:/unit/datadog-v2/pom.xml")
    @MojoParameter(name = "targetPackages", value = "datadog-agent 7.52.0")
    void targetPackagesNotWrittenAsNameAtVersionAreRefused(RetryDeploymentMojo mojo) throws Exception {
        assertRefused(mojo, ENV_KEYS)
                .hasMessage("targetPackages (-Dfleet.targetPackages) 'datadog-agent 7.52.0' has the entry"
                        + " 'datadog-agent 7.52.0': write each package as name@version (datadog-agent@7.52.0), several"
                        + " separated by commas.");
    }
}
