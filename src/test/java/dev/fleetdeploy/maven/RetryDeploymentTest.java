package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fleet:retry-deployment} with Datadog's unstable API, which has no create endpoint (a Datadog retry creates a
 * new deployment): refused before anything is sent.
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
        assertThatThrownBy(() -> prepare(mojo, ENV_KEYS).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(NO_RETRY);
        assertNothingSent();
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

        assertThatThrownBy(() -> prepare(mojo, environment).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(NO_RETRY)
                .hasNoCause();
        assertNothingSent();
    }
}
