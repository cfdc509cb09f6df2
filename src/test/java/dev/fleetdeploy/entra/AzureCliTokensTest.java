package dev.fleetdeploy.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.testing.FailureText;
import dev.fleetdeploy.testing.FakeAzureCli;
import dev.fleetdeploy.testing.NoToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Azure CLI's token, from a fake {@code az} on the PATH that answers as the real one does. */
class AzureCliTokensTest {
    private static final String RESOURCE = "https://api.adu.microsoft.com/";
    private static final String TOKEN = "cli-token-eyJ0eXAi-3c9a0d1e";

    @TempDir
    Path folder;

    private final SecretMasker masker = new SecretMasker();

    private AzureCliTokens tokens(FakeAzureCli az, String tenant, Duration timeout) {
        Path executable = AzureCli.find(
                        Environment.of(Map.of("PATH", az.folder().toString())))
                .orElseThrow();
        return new AzureCliTokens(
                new AzureCli(executable, tenant, "credential=azure-cli"), RESOURCE, masker, Clock.systemUTC(), timeout);
    }

    private AzureCliTokens tokens(FakeAzureCli az, String tenant) {
        return tokens(az, tenant, Duration.ofSeconds(20));
    }

    @Test
    void theTokenComesFromGetAccessTokenForTheAduResource() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder, TOKEN, "tenant-1");

        Secret token = tokens(az, "tenant-1").token();

        assertThat(token.reveal()).isEqualTo(TOKEN);
        assertThat(az.arguments())
                .isEqualTo("account get-access-token --resource https://api.adu.microsoft.com/ --output json");
        assertThat(masker.mask("Bearer " + TOKEN)).isEqualTo("Bearer ****");
    }

    @Test
    void itRunsOncePerExecution() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder, TOKEN, "tenant-1");
        AzureCliTokens tokens = tokens(az, null);

        tokens.token();
        tokens.token();

        assertThat(az.runs()).isEqualTo(1);
    }

    @Test
    void notLoggedInSaysToLogIn() throws Exception {
        FakeAzureCli az = FakeAzureCli.notLoggedIn(folder);

        OperationFailure failure = NoToken.from(tokens(az, "tenant-1"));

        FailureText.assertReads(
                failure,
                "the Azure CLI gave no token: the Azure CLI is not logged in: ERROR: Please run 'az login'"
                        + " to setup account.",
                "Run az login --tenant tenant-1 first (in GitHub Actions: the azure/login step), in the"
                        + " same user account.");
    }

    @Test
    void anotherTenantIsNamedAndTheTokenNotUsed() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder, TOKEN, "tenant-other");

        OperationFailure failure = NoToken.from(tokens(az, "tenant-1"));

        assertThat(failure.detail())
                .isEqualTo("the Azure CLI gave no token: the Azure CLI is logged into tenant 'tenant-other', not"
                        + " 'tenant-1' (tenantId)");
        assertThat(failure.hint()).startsWith("Run az login --tenant tenant-1");
        assertThat(failure.getMessage() + failure.hint()).doesNotContain(TOKEN);
    }

    @Test
    void aHangingAzIsStoppedAfterItsTime() throws Exception {
        FakeAzureCli az = FakeAzureCli.hanging(folder);

        long started = System.nanoTime();
        OperationFailure failure = NoToken.from(tokens(az, null, Duration.ofSeconds(1)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure.detail())
                .isEqualTo("the Azure CLI gave no token: az account get-access-token did not finish within 1 s and was"
                        + " stopped");
        Optional<ProcessHandle> process = ProcessHandle.of(az.pid());
        for (int i = 0; i < 50 && process.map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(process.map(ProcessHandle::isAlive).orElse(false))
                .as("az was killed")
                .isFalse();
    }

    @Test
    void anotherFailureShowsAzsFirstLineMaskedButNeverItsOutput() throws Exception {
        masker.register(Secret.of("known-secret-value-123"));
        FakeAzureCli az = FakeAzureCli.failing(
                folder, 2, "ERROR: AADSTS50173: grant revoked for known-secret-value-123\nTraceback: ...");

        OperationFailure failure = NoToken.from(tokens(az, null));

        assertThat(failure.detail())
                .isEqualTo(
                        "the Azure CLI gave no token: az account get-access-token failed (exit 2): ERROR: AADSTS50173:"
                                + " grant revoked for ****");
    }

    @Test
    void azIsFoundOnThePathOnlyWhereItIs() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder, TOKEN, "t");
        Path empty = Files.createDirectories(folder.resolve("empty"));

        assertThat(AzureCli.find(Environment.of(Map.of("PATH", empty + java.io.File.pathSeparator + az.folder()))))
                .contains(az.folder().resolve("az"));
        assertThat(AzureCli.find(Environment.of(Map.of("PATH", empty.toString()))))
                .isEmpty();
        assertThat(AzureCli.find(Environment.of(Map.of()))).isEmpty();
    }

    @Test
    void describeNamesTheCommandAndWhy() throws Exception {
        FakeAzureCli az = FakeAzureCli.loggedIn(folder, TOKEN, "t");

        assertThat(tokens(az, null).describe())
                .isEqualTo("the Azure CLI's signed-in account (" + az.folder().resolve("az")
                        + " account get-access-token; credential=azure-cli)");
    }
}
