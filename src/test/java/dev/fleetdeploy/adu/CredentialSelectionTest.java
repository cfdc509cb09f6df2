package dev.fleetdeploy.adu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.entra.AzureCli;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.ManagedIdentity;
import dev.fleetdeploy.entra.ManagedIdentitySource;
import dev.fleetdeploy.entra.ReadyToken;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.FakeAzureCli;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.TestCertificates;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credential}: {@code auto} takes what is configured, then the environment in DefaultAzureCredential's order,
 * then a managed identity, then the Azure CLI; a named credential works on its own or fails with its own reason. Every
 * environment here is the test's own: no real PATH, and IMDS is a fake or the test JVM's closed port.
 */
class CredentialSelectionTest {
    private static final Function<String, String> NAMING = p -> p + " (-Dfleet." + p + ")";
    private static final String SECRET = "Zx8Q~selection.secret-0123456789";
    private static final String PASSWORD = "selection-pfx-password-1f2e";
    private static final TestCertificates CERTIFICATES = TestCertificates.create("selection");
    private static final ServerLookup NO_SERVERS = id -> Optional.empty();

    @TempDir
    Path folder;

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final SecretMasker masker = new SecretMasker();
    private FakeEntra entra;

    @BeforeEach
    void anAduTarget() {
        parameters.put("account", "contoso");
        parameters.put("instance", "blue");
        parameters.put("groupId", "TestGroup");
    }

    private AzureCredential credential() {
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, NAMING);
        return AduConfig.resolve(target.common(), target.adu(), Environment.of(environment), NO_SERVERS, masker)
                .credential();
    }

    private ConfigurationException refusal() {
        return catchThrowableOfType(ConfigurationException.class, this::credential);
    }

    private void envSecret() {
        environment.put("AZURE_CLIENT_ID", "env-client");
        environment.put("AZURE_TENANT_ID", "env-tenant");
        environment.put("AZURE_CLIENT_SECRET", SECRET);
    }

    private Path envCertificate() throws Exception {
        Path pfx = CERTIFICATES.pkcs12(folder.resolve("c.pfx"), PASSWORD);
        environment.put("AZURE_CLIENT_ID", "env-client");
        environment.put("AZURE_TENANT_ID", "env-tenant");
        environment.put("AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString());
        environment.put("AZURE_CLIENT_CERTIFICATE_PASSWORD", PASSWORD);
        return pfx;
    }

    private void envWorkloadIdentity() throws Exception {
        Path file = Files.writeString(folder.resolve("federated"), "eyJhbGciOiJSUzI1NiJ9.fed.sig");
        environment.put("AZURE_CLIENT_ID", "env-client");
        environment.put("AZURE_TENANT_ID", "env-tenant");
        environment.put("AZURE_FEDERATED_TOKEN_FILE", file.toString());
    }

    private FakeAzureCli azOnThePath() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder.resolve("bin"), "cli-token", "env-tenant");
        environment.put("PATH", az.folder().toString());
        return az;
    }

    // ---- auto, each in turn ----

    @Test
    void autoTakesTheEnvironmentsSecretFirst() throws Exception {
        envSecret();
        envCertificate();
        envWorkloadIdentity();
        azOnThePath();

        AzureCredential credential = credential();

        assertThat(((ClientCredential) credential).proof()).isInstanceOf(ClientCredential.ClientSecret.class);
        assertThat(masker.mask(PASSWORD))
                .as("the losing certificate's password is masked too")
                .isEqualTo("****");
    }

    @Test
    void autoTakesTheEnvironmentsCertificateBeforeWorkloadIdentity() throws Exception {
        envCertificate();
        envWorkloadIdentity();

        ClientCredential credential = (ClientCredential) credential();

        assertThat(credential.proof()).isInstanceOf(ClientCredential.ClientCertificate.class);
        assertThat(credential.proof().origin()).isEqualTo("the AZURE_CLIENT_CERTIFICATE_PATH environment variable");
        assertThat(masker.mask("password " + PASSWORD)).isEqualTo("password ****");
    }

    @Test
    void autoTakesWorkloadIdentityBeforeAManagedIdentity() throws Exception {
        envWorkloadIdentity();
        environment.put("IDENTITY_ENDPOINT", "http://127.0.0.1:1/msi/token");
        environment.put("IDENTITY_HEADER", "h");

        assertThat(((ClientCredential) credential()).proof()).isInstanceOf(ClientCredential.FederatedToken.class);
    }

    @Test
    void autoTakesTheManagedIdentityTheEnvironmentNames() throws Exception {
        environment.put("IDENTITY_ENDPOINT", "http://127.0.0.1:1/msi/token");
        environment.put("IDENTITY_HEADER", "h");
        azOnThePath();

        ManagedIdentity identity = (ManagedIdentity) credential();

        assertThat(identity.source()).isEqualTo(ManagedIdentitySource.APP_SERVICE);
        assertThat(identity.endpoint().toString()).isEqualTo("http://127.0.0.1:1/msi/token");
        assertThat(identity.why())
                .isEqualTo("credential=auto: IDENTITY_ENDPOINT names App Service / Functions /"
                        + " Container Apps's endpoint");
        assertThat(identity.user()).isEmpty();
    }

    @Test
    void autoTakesTheMetadataServiceWhenItAnswersTheProbe() throws Exception {
        entra = cleanup.add(FakeEntra.start());
        environment.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", entra.imdsEndpoint());
        environment.put("AZURE_CLIENT_ID", "uami-client");
        azOnThePath();

        ManagedIdentity identity = (ManagedIdentity) credential();

        assertThat(identity.source()).isEqualTo(ManagedIdentitySource.IMDS);
        assertThat(identity.why())
                .isEqualTo("credential=auto: the instance metadata endpoint " + entra.imdsEndpoint() + " answered");
        assertThat(identity.user().orElseThrow().id()).isEqualTo("uami-client");
        assertThat(identity.environment().get("AZURE_POD_IDENTITY_AUTHORITY_HOST"))
                .contains(entra.imdsEndpoint());
        // The probe asked for no token: it sent no Metadata header.
        assertThat(entra.identityRequests())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Metadata")).isNull());
        assertThat(entra.issuedTokens()).isEmpty();
    }

    @Test
    void aDryRunOrAnOfflineBuildDoesNotProbe() throws Exception {
        entra = cleanup.add(FakeEntra.start());
        environment.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", entra.imdsEndpoint());
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, NAMING);

        ManagedIdentity identity = (ManagedIdentity)
                AduConfig.resolve(target.common(), target.adu(), Environment.of(environment), NO_SERVERS, masker, false)
                        .credential();

        assertThat(entra.identityRequests()).isEmpty();
        assertThat(identity.why())
                .isEqualTo("credential=auto: nothing else is configured; a run that sends would first ask the"
                        + " instance metadata endpoint " + entra.imdsEndpoint() + " whether it is there");
    }

    @Test
    void theImdsEndpointParameterBeatsTheEnvironment() throws Exception {
        entra = cleanup.add(FakeEntra.start());
        parameters.put("imdsEndpoint", entra.imdsEndpoint());
        environment.put("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:9");

        ManagedIdentity identity = (ManagedIdentity) credential();

        assertThat(identity.endpoint().toString()).isEqualTo(entra.imdsEndpoint() + "/");
    }

    @Test
    void autoTakesTheAzureCliLast() throws Exception {
        FakeAzureCli az = azOnThePath();
        parameters.put("tenantId", "env-tenant");

        AzureCli cli = (AzureCli) credential();

        assertThat(cli.executable()).isEqualTo(az.folder().resolve("az"));
        assertThat(cli.tenantId()).isEqualTo("env-tenant");
        assertThat(cli.why()).isEqualTo("credential=auto: az is on the PATH");
        assertThat(az.runs()).as("not run before a token is needed").isZero();
    }

    @Test
    void autoKeepsTodaysRuleForWhatIsConfiguredExplicitly() throws Exception {
        envSecret();
        parameters.put(
                "clientCertificatePath",
                CERTIFICATES.pem(folder.resolve("p.pem")).toString());
        parameters.put("clientId", "param-client");
        parameters.put("tenantId", "param-tenant");

        ClientCredential credential = (ClientCredential) credential();

        assertThat(credential.proof()).isInstanceOf(ClientCredential.ClientCertificate.class);
        assertThat(credential.proof().origin()).isEqualTo("clientCertificatePath (-Dfleet.clientCertificatePath)");

        parameters.put("accessToken", "param-token-0123456789");
        assertThat(credential()).isInstanceOf(ReadyToken.class);
    }

    // ---- named: works on its own, or fails with its own reason ----

    @Test
    void aNamedCredentialIsUsedEvenWhenAnotherIsConfigured() throws Exception {
        envSecret();
        Path pem = CERTIFICATES.pem(folder.resolve("n.pem"));
        environment.put("AZURE_CLIENT_CERTIFICATE_PATH", pem.toString());
        parameters.put("credential", "client-certificate");

        assertThat(((ClientCredential) credential()).proof()).isInstanceOf(ClientCredential.ClientCertificate.class);
        assertThat(masker.mask(SECRET))
                .as("the unused secret is masked all the same")
                .isEqualTo("****");
    }

    @Test
    void aNamedCredentialThatCannotWorkFailsWithItsOwnReason() throws Exception {
        envSecret();
        azOnThePath();

        parameters.put("credential", "client-certificate");
        assertThat(refusal())
                .hasMessage("credential (-Dfleet.credential) is client-certificate, but clientCertificatePath"
                        + " (-Dfleet.clientCertificatePath) and AZURE_CLIENT_CERTIFICATE_PATH are not set: set one.");
        parameters.put("credential", "workload-identity");
        assertThat(refusal())
                .hasMessage("credential (-Dfleet.credential) is workload-identity, but federatedTokenFile"
                        + " (-Dfleet.federatedTokenFile) and AZURE_FEDERATED_TOKEN_FILE are not set: set one.");
        parameters.put("credential", "access-token");
        assertThat(refusal())
                .hasMessageStartingWith("credential (-Dfleet.credential) is access-token, but accessToken");

        environment.remove("PATH");
        parameters.put("credential", "azure-cli");
        assertThat(refusal())
                .hasMessage("credential (-Dfleet.credential) is azure-cli, but az is not on the PATH: install the"
                        + " Azure CLI (or run the goal where it is), and log in with az login.");

        parameters.put("credential", "client-certificate");
        parameters.put("clientCertificatePath", folder.resolve("absent.pem").toString());
        assertThat(refusal()).hasMessageStartingWith("The client certificate '");
    }

    @Test
    void aBrokenCredentialThatIsNotNamedDoesNotStandInTheWay() {
        envSecret();
        environment.put("AZURE_ACCESS_TOKEN", "a token with spaces 0123456789");
        parameters.put("credential", "client-secret");

        assertThat(((ClientCredential) credential()).proof()).isInstanceOf(ClientCredential.ClientSecret.class);
        assertThat(masker.mask("a token with spaces 0123456789")).isEqualTo("****");

        parameters.put("credential", "auto");
        assertThat(refusal())
                .hasMessageStartingWith("The access token from the AZURE_ACCESS_TOKEN environment variable");
    }

    @Test
    void aNamedManagedIdentityIsNotProbed() {
        parameters.put("credential", "managed-identity");
        parameters.put(
                "clientId",
                "/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/"
                        + "userAssignedIdentities/deployer");

        ManagedIdentity identity = (ManagedIdentity) credential();

        assertThat(identity.source()).isEqualTo(ManagedIdentitySource.IMDS);
        assertThat(identity.endpoint().toString()).isEqualTo("http://127.0.0.1:9/");
        assertThat(identity.user().orElseThrow().resourceId()).isTrue();
        assertThat(identity.why()).isEqualTo("credential=managed-identity");
    }

    @Test
    void anUnknownCredentialNamesTheKinds() {
        parameters.put("credential", "password");

        assertThat(refusal())
                .hasMessage("credential (-Dfleet.credential) is 'password': give one of auto, access-token,"
                        + " client-secret, client-certificate, workload-identity, managed-identity, azure-cli.");
    }

    @Test
    void credentialIsReadWithoutRegardToCase() {
        parameters.put("credential", "Managed-Identity");

        assertThat(credential()).isInstanceOf(ManagedIdentity.class);
    }
}
