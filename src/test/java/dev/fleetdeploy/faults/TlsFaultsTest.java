package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.Providers;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transport security: the JDK's own certificate checks decide (a self-signed certificate fails, with a message that
 * says TLS and where the trust store comes in), nothing in the plugin trusts every certificate, the default hosts
 * are https, and plain http is refused, before anything is sent, to any host that is not this machine.
 */
class TlsFaultsTest {
    private static final String TLS_HINT =
            "Check that the host presents a certificate this JVM trusts; a TLS-inspecting"
                    + " proxy needs its CA in the JVM's trust store.";

    /** The fake Datadog over HTTPS, with a self-signed certificate for localhost that no JVM trusts. */
    private final FakeDatadog server = FakeDatadog.startHttps(FaultRig.DD_API_KEY, FaultRig.DD_APP_KEY, "localhost")
            .deployment("dep-1", "running", 3);

    /** What reached the server's HTTP layer: nothing may, over a connection the JVM does not trust. */
    private List<ReceivedRequest> received() {
        return server.requests();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String httpsBase() {
        return "https://localhost:" + server.port();
    }

    /** Each provider's rig, and how its failure sentence begins. */
    static Stream<Arguments> providers() {
        Function<String, FaultRig> datadog = FaultRig::datadog;
        Function<String, FaultRig> adu = FaultRig::adu;
        return Stream.of(
                Arguments.of(Named.of("Datadog", datadog), "Datadog cancel of deployment 'dep-1' failed"),
                Arguments.of(
                        Named.of("Azure Device Update, whose token stays home", adu),
                        "Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aSelfSignedCertificateFailsWithTheTlsMessageAndNothingIsSent(Function<String, FaultRig> rigAt, String lead)
            throws Exception {

        Run run = rigAt.apply(httpsBase()).retries(0).cancel("dep-1");

        assertThat(run.message())
                .startsWith(lead + ": the TLS handshake with localhost:" + server.port() + " failed (")
                .contains("PKIX path building failed")
                .endsWith("). " + TLS_HINT);
        assertThat(received()).as("requests that got past the handshake").isEmpty();
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        run.assertNoSecretShown(run.message());
    }

    @Test
    void anUntrustedCertificateIsNotRetried() throws Exception {

        Run run = FaultRig.datadog(httpsBase()).retries(3).cancel("dep-1");

        assertThat(run.message())
                .contains("the TLS handshake with localhost:" + server.port() + " failed (")
                .doesNotContain("attempts");
        assertThat(run.sleeps()).isEmpty();
        assertThat(received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://api.datadoghq.com",
                "http://10.0.0.8:8080",
                "http://127.0.0.1.nip.io",
                "http://localhost.example.com",
                "http://0.0.0.0:8080"
            })
    void plainHttpToAnyOtherHostIsRefusedBeforeAnythingIsSent(String baseUrl) {
        FaultRig rig = FaultRig.datadog(baseUrl);

        assertThatThrownBy(() -> rig.cancel("dep-1"))
                .isInstanceOf(ConfigurationException.class)
                .hasNoCause()
                .hasMessageStartingWith("baseUrl '")
                .hasMessageEndingWith(
                        "' uses plain http to a host that is not this machine: use https (plain http is allowed"
                                + " only to localhost, 127.0.0.1 or [::1]).");
        assertThat(received()).isEmpty();
        assertThat(rig.log.lines()).isEmpty();
    }

    @Test
    void withoutBaseUrlEveryProviderTalksHttps() throws OperationFailure {
        Environment env = FaultRig.env();
        try (HttpTransport transport = new HttpTransport(
                new HttpSettings(
                        Duration.ofSeconds(1), Duration.ofSeconds(1), RetryPolicy.withRetries(0), 1, List.of()),
                new RecordingLog(),
                MavenTerms.TERMS)) {
            TargetSettings datadog = TestTargets.of(Map.of("provider", "datadog", "site", "EU1"), TestIds.NONE);
            TargetSettings adu = TestTargets.of(
                    Map.of(
                            "provider",
                            "adu",
                            "account",
                            "contoso",
                            "instance",
                            "blue",
                            "groupId",
                            "TestGroup",
                            "deviceClassId",
                            "dc1",
                            "accessToken",
                            FaultRig.ADU_TOKEN),
                    TestIds.NONE);
            DeploymentId id = new DeploymentId("dep-1");

            assertThat(cancelPlan(datadog, env, transport, id))
                    .singleElement()
                    .satisfies(request -> assertThat(request.url())
                            .isEqualTo("https://api.datadoghq.eu/api/v2/fleet/deployments/dep-1/cancel"));
            assertThat(cancelPlan(adu, env, transport, id))
                    .singleElement()
                    .satisfies(request -> assertThat(request.url())
                            .startsWith("https://contoso.api.adu.microsoft.com/deviceUpdate/blue/"));
        }
    }

    private static List<PlannedRequest> cancelPlan(
            TargetSettings target, Environment env, HttpTransport transport, DeploymentId id) throws OperationFailure {
        return Providers.create(
                        target,
                        Operation.CANCEL,
                        env,
                        ServerLookup.NONE,
                        transport,
                        new SecretMasker(),
                        Clock.systemUTC(),
                        Sleeper.SYSTEM,
                        true)
                .plan(Operation.CANCEL, id);
    }

    @Test
    void nothingInThePluginTrustsEveryCertificateOrHostName() throws IOException {
        // The JDK's checks are the only ones: no trust manager, hostname verifier or socket factory of our own.
        List<String> forbidden = List.of(
                "TrustManager",
                "HostnameVerifier",
                "hostnameVerifier(",
                "sslSocketFactory(",
                "SSLContext",
                "checkServerTrusted",
                "InsecureExtendedTrustManager",
                "addInsecureHost");
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            List<Path> files = sources.filter(Files::isRegularFile).toList();
            assertThat(files).as("main sources").isNotEmpty();
            for (Path file : files) {
                String text = Files.readString(file);
                for (String word : forbidden) {
                    assertThat(text).as(file + " mentions " + word).doesNotContain(word);
                }
            }
        }
    }
}
