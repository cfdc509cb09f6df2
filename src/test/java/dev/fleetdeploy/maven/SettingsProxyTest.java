package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fleetdeploy.testing.FakeProxy;
import dev.fleetdeploy.testing.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

/**
 * A proxy from settings.xml is used, with its credentials, and the Datadog keys never reach it in the clear: HTTPS
 * goes through a CONNECT tunnel. The fake proxy plays the corporate proxy: it checks the credentials and, with no
 * route to Datadog, refuses the tunnel (502), so nothing leaves this machine.
 */
@MojoTest
class SettingsProxyTest extends MojoTestSupport {
    private static final String PROXY_PASSWORD = "proxy-password-8g9h0i";

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.provider=datadog -Dfleet.site=EU1 -Dfleet.deploymentId=abc-def-ghi -Dfleet.maxRetries=0")
    void httpsToDatadogTunnelsThroughTheSettingsProxy(CancelDeploymentMojo mojo) throws Exception {
        try (FakeProxy corporate = FakeProxy.start().requireCredentials("build-bot", PROXY_PASSWORD)) {
            Proxy proxy = new Proxy();
            proxy.setId("corporate");
            proxy.setProtocol("https");
            proxy.setHost("127.0.0.1");
            proxy.setPort(corporate.port());
            proxy.setUsername("build-bot");
            proxy.setPassword(PROXY_PASSWORD);
            request.addProxy(proxy);

            Throwable failure = catchThrowable(() -> prepare(mojo, ENV_KEYS).execute());

            assertTunnelRefused(failure, corporate.requests());
        }
    }

    private void assertTunnelRefused(Throwable failure, List<ReceivedRequest> atTheProxy) {
        assertThat(failure)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Datadog cancel of deployment 'abc-def-ghi' failed:")
                .hasMessageContaining("api.datadoghq.eu:443");
        assertThat(atTheProxy).isNotEmpty().allSatisfy(seen -> {
            assertThat(seen.method() + " " + seen.target()).isEqualTo("CONNECT api.datadoghq.eu:443");
            assertThat(seen.header("DD-API-KEY")).isNull();
            assertThat(seen.header("DD-APPLICATION-KEY")).isNull();
        });
        String basic = "Basic "
                + Base64.getEncoder().encodeToString(("build-bot:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(atTheProxy)
                .anySatisfy(
                        seen -> assertThat(seen.header("Proxy-Authorization")).isEqualTo(basic));
        assertNoSecretShown(failure.getMessage());
        assertThat(log.text()).doesNotContain(PROXY_PASSWORD);
        assertThat(failure.getMessage()).doesNotContain(PROXY_PASSWORD);
    }

    @Test
    @InjectMojo(goal = "cancel-deployment")
    @CommandLine("-Dfleet.provider=datadog -Dfleet.deploymentId=abc-def-ghi")
    void anActiveProxyWithoutAUsablePortIsRefusedBeforeAnythingIsSent(CancelDeploymentMojo mojo) throws Exception {
        Proxy proxy = new Proxy();
        proxy.setId("corporate");
        proxy.setProtocol("https");
        proxy.setHost("proxy.corp.example");
        proxy.setPort(0);
        request.addProxy(proxy);

        Throwable failure = catchThrowable(() -> prepare(mojo, ENV_KEYS).execute());

        assertThat(failure)
                .isInstanceOf(org.apache.maven.plugin.MojoExecutionException.class)
                .hasNoCause()
                .hasMessage(
                        "The active proxy 'corporate' in settings.xml has host 'proxy.corp.example' and port 0: give its"
                                + " host name and a port from 1 to 65535, or make it inactive.");
        assertNothingSent();
    }
}
