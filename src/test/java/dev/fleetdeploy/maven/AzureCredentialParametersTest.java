package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fleetdeploy.testing.TestCertificates;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The Azure credential parameters as Maven injects them: {@code credential} (default {@code auto}),
 * {@code clientCertificatePath} and {@code clientCertificatePassword}, a secret that Maven's {@code -X} dump prints
 * as a mask. Dry runs: nothing is sent, and no API fake is needed.
 */
@MojoTest
class AzureCredentialParametersTest extends MojoTestSupport {
    private static final String PASSWORD = "mojo-pfx-password-3a9c";
    private static final TestCertificates CERTIFICATES = TestCertificates.create("mojo");

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga-app/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    @CommandLine("-Dfleet.credential=client-certificate -Dfleet.clientCertificatePath=${work.dir}/client.pfx"
            + " -Dfleet.clientCertificatePassword=" + PASSWORD)
    void aCertificateAndItsPasswordFromUserProperties(CancelDeploymentMojo mojo) throws Exception {
        CERTIFICATES.pkcs12(workDir.resolve("client.pfx"), PASSWORD);

        prepare(mojo).execute();

        Object password = (Object) MojoExtension.getVariableValueFromObject(mojo, "clientCertificatePassword");
        assertThat(password).isInstanceOf(SecretParameter.class).hasToString("****");
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "credential"))
                .isEqualTo("client-certificate");
        assertThat(info())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("[dry run] Authenticating with a client certificate (subject CN=mojo, thumbprint ")
                        .endsWith(") of client 'client-1' in tenant 'tenant-1' (from clientCertificatePath"
                                + " (-Dfleet.clientCertificatePath)), through login.microsoftonline.com."))
                .contains(
                        "[dry run]   POST https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token  (once per execution, for the token)",
                        "[dry run]     body: grant_type=client_credentials&client_id=client-1&scope=https://api.adu.microsoft.com/.default"
                                + "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=****");
        assertThat(log.text()).doesNotContain(PASSWORD);
        assertNothingSent();
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @MojoParameter(name = "dryRun", value = "true")
    void credentialIsAutoByDefault(CancelDeploymentMojo mojo) throws Exception {
        assertThat((Object) MojoExtension.getVariableValueFromObject(mojo, "credential"))
                .isEqualTo("auto");
    }

    @Test
    @InjectMojo(goal = "cancel-deployment", pom = "classpath:/unit/adu-ga/pom.xml")
    @CommandLine("-Dfleet.credential=azure-cli")
    void aNamedCredentialThatCannotWorkFailsBeforeAnythingIsSent(CancelDeploymentMojo mojo) throws Exception {
        // The environment has a ready token; azure-cli was asked for, and there is no az (no PATH at all).
        Throwable failure = catchThrowable(() -> prepare(mojo, java.util.Map.of("AZURE_ACCESS_TOKEN", "env-tok-123456"))
                .execute());

        assertThat(failure)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("credential (-Dfleet.credential) is azure-cli, but az is not on the PATH: install the"
                        + " Azure CLI (or run the goal where it is), and log in with az login.");
        assertNothingSent();
    }
}
