package dev.fleetdeploy.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.EntraAssertion;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.NoToken;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestCertificates;
import dev.fleetdeploy.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client certificate made at test time, read from PEM and PKCS#12 files, signs the assertion MSAL sends; the fake
 * Entra ID checks its signature, its thumbprint and (when sent) its chain with the certificate's public key.
 */
class ClientCertificateTest {
    private static final String TENANT = "tenant-cert";
    private static final String CLIENT_ID = "client-cert";
    private static final String SCOPE = "https://api.adu.microsoft.com/.default";
    private static final String PASSWORD = "pfx-password-5e1d9c";

    @TempDir
    Path folder;

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private static final TestCertificates CERTIFICATES = TestCertificates.create("pipeline");
    private final TestCertificates certificates = CERTIFICATES;
    private final FakeEntra entra =
            cleanup.add(FakeEntra.start().certificateClient(TENANT, CLIENT_ID, certificates.certificate()));
    private final RecordingLog log = new RecordingLog();
    private final SecretMasker masker = new SecretMasker();
    private final HttpTransport transport = cleanup.add(TestHttp.transport(TestHttp.retries(0), log));

    private EntraTokenClient client(ClientCredential.ClientCertificate certificate) {
        return new EntraTokenClient(
                new ClientCredential(
                        AuthorityHost.parse(entra.authorityHost(), "authorityHost"), TENANT, CLIENT_ID, certificate),
                SCOPE,
                transport,
                masker,
                Clock.systemUTC());
    }

    private static ClientCredential.ClientCertificate load(Path file, String password, boolean chain) {
        return CertificateFile.load(
                file.toString(),
                password == null ? null : Secret.of(password),
                chain,
                "clientCertificatePath",
                "clientCertificatePassword");
    }

    @Test
    void aPemFileSignsAnAssertionThatEntraAccepts() throws Exception {
        ClientCredential.ClientCertificate certificate = load(certificates.pem(folder.resolve("c.pem")), null, false);

        Secret token = client(certificate).token();

        assertThat(entra.issuedTokens()).containsExactly(token.reveal());
        EntraAssertion.Seen seen = entra.assertions().get(0);
        assertThat(seen.algorithm()).isEqualTo("RS256");
        assertThat(seen.hasX5tS256()).isTrue();
        assertThat(seen.chainLength()).as("no x5c unless asked").isZero();
        assertThat(entra.tokenRequests().get(0).body()).doesNotContain("client_secret");
        assertThat(certificate.chain()).hasSize(2);
        assertThat(certificate.chain().get(0)).isEqualTo(certificates.certificate());
    }

    /** Writes the certificate and its key in one of the forms a user may have them. */
    interface Form {
        Path write(Path folder) throws IOException;
    }

    static Stream<Arguments> otherForms() {
        return Stream.of(
                form("a PKCS#1 key in PEM", folder -> CERTIFICATES.pemPkcs1(folder.resolve("c1.pem")), null, false),
                form(
                        "PKCS#12 with a password",
                        folder -> CERTIFICATES.pkcs12(folder.resolve("c.pfx"), PASSWORD),
                        PASSWORD,
                        false),
                form(
                        "PKCS#12 without a password",
                        folder -> CERTIFICATES.pkcs12(folder.resolve("nopass.pfx"), ""),
                        null,
                        false),
                form(
                        "PKCS#12 with its chain sent as x5c",
                        folder -> CERTIFICATES.pkcs12(folder.resolve("chain.pfx"), PASSWORD),
                        PASSWORD,
                        true));
    }

    private static Arguments form(String name, Form file, String password, boolean chain) {
        return Arguments.of(Named.of(name, file), password, chain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherForms")
    void otherFormsSignToo(Form file, String password, boolean chain) throws Exception {
        client(load(file.write(folder), password, chain)).token();

        assertThat(entra.issuedTokens()).hasSize(1);
        assertThat(entra.assertions().get(0).chainLength()).isEqualTo(chain ? 2 : 0);
        assertThat(log.text()).doesNotContain(PASSWORD);
    }

    @Test
    void anotherCertificateIsRefusedByItsThumbprint() throws Exception {
        TestCertificates other = TestCertificates.create("someone-else");
        ClientCredential.ClientCertificate certificate = load(other.pem(folder.resolve("other.pem")), null, false);

        OperationFailure failure = NoToken.from(client(certificate));

        assertThat(failure).isInstanceOf(ApiException.class);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.detail()).contains("AADSTS700027").contains("the key was not found");
        assertThat(failure.hint()).startsWith("Check the client certificate");
        assertThat(entra.issuedTokens()).isEmpty();
    }

    @Test
    void theWrongPasswordIsOneSentenceWithoutThePassword() throws Exception {
        Path pfx = certificates.pkcs12(folder.resolve("c.pfx"), PASSWORD);

        assertThatThrownBy(() -> load(pfx, "not-the-password-77", false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The client certificate '" + pfx + "' from clientCertificatePath cannot be opened with the"
                        + " password given: set clientCertificatePassword to its password.")
                .hasMessageNotContaining("not-the-password-77");
        assertThatThrownBy(() -> load(pfx, null, false)).hasMessageContaining("cannot be opened with no password");
    }

    @Test
    void fileMistakesAreNamed() throws Exception {
        Path missing = folder.resolve("absent.pem");
        assertThatThrownBy(() -> load(missing, null, false))
                .hasMessage("The client certificate '" + missing
                        + "' from clientCertificatePath does not exist or is not a file: check the path.");
        Path keyOnly =
                Files.writeString(folder.resolve("key.pem"), certificates.leaf().privateKeyPkcs8Pem());
        assertThatThrownBy(() -> load(keyOnly, null, false)).hasMessageContaining("has no certificate");
        Path certOnly = Files.writeString(
                folder.resolve("cert.pem"), certificates.leaf().certificatePem());
        assertThatThrownBy(() -> load(certOnly, null, false)).hasMessageContaining("has no private key");
        Path encrypted = Files.writeString(
                folder.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"
                        + certificates.leaf().certificatePem());
        assertThatThrownBy(() -> load(encrypted, null, false)).hasMessageContaining("encrypted PEM key");
        Path garbage = Files.write(folder.resolve("garbage.bin"), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> load(garbage, null, false)).hasMessageContaining("neither a PEM nor a PKCS#12");
    }

    @Test
    void describeNamesTheCertificateButNoSecret() throws Exception {
        ClientCredential.ClientCertificate certificate =
                load(certificates.pkcs12(folder.resolve("c.pfx"), PASSWORD), PASSWORD, false);

        assertThat(client(certificate).describe())
                .startsWith("a client certificate (subject CN=pipeline, thumbprint ")
                .endsWith(") of client '" + CLIENT_ID + "' in tenant '" + TENANT
                        + "' (from clientCertificatePath), through 127.0.0.1")
                .doesNotContain(PASSWORD);
        assertThat(certificate.toString()).isEqualTo("ClientCertificate[from clientCertificatePath]");
    }

    @Test
    void theSignedAssertionNeverReachesTheLog() throws Exception {
        client(load(certificates.pem(folder.resolve("c.pem")), null, false)).token();

        String body = entra.tokenRequests().get(0).body();
        String assertion = body.substring(body.indexOf("client_assertion=") + "client_assertion=".length())
                .split("&")[0];
        assertThat(assertion).hasSizeGreaterThan(100);
        assertThat(log.text())
                .doesNotContain(assertion)
                .doesNotContain(entra.issuedTokens().get(0));
        assertThat(masker.mask("echoed: " + assertion))
                .as("registered with the masker")
                .isEqualTo("echoed: ****");
    }
}
