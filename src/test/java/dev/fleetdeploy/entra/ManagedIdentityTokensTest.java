package dev.fleetdeploy.entra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.ClosedPort;
import dev.fleetdeploy.testing.FailureText;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.NoToken;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestHttp;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A managed identity's token through MSAL, from a fake App Service endpoint ({@code IDENTITY_ENDPOINT} and
 * {@code IDENTITY_HEADER}) and a fake instance metadata service (its address configured), never the real one.
 */
class ManagedIdentityTokensTest {
    private static final String RESOURCE = "https://api.adu.microsoft.com/";
    private static final String IDENTITY_HEADER = "app-service-identity-header-4b8e";
    private static final String RESOURCE_ID =
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/deployer";

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final FakeEntra entra = cleanup.add(FakeEntra.start());
    private final RecordingLog log = new RecordingLog();
    private final SecretMasker masker = new SecretMasker();
    private final HttpTransport transport = cleanup.add(TestHttp.transport(TestHttp.retries(0), log));

    private ManagedIdentityTokens tokens(Map<String, String> variables, ManagedIdentity.UserAssigned user) {
        Environment env = Environment.of(variables);
        ManagedIdentitySource source = ManagedIdentitySource.of(env);
        HttpUrl imds = ImdsEndpoint.parse(variables.getOrDefault(ImdsEndpoint.VARIABLE, "http://127.0.0.1:9"), "test");
        HttpUrl endpoint = source.endpointVariable()
                .map(v -> HttpUrl.get(variables.get(v)))
                .orElse(imds);
        Map<String, String> msalView = new HashMap<>(variables);
        // As AduCredentials hands it to MSAL: the base URL without its trailing slash.
        msalView.put(ImdsEndpoint.VARIABLE, imds.toString().replaceAll("/$", ""));
        return new ManagedIdentityTokens(
                new ManagedIdentity(source, user, endpoint, Environment.of(msalView), "credential=managed-identity"),
                RESOURCE,
                transport,
                masker,
                Clock.systemUTC());
    }

    private Map<String, String> appService() {
        return Map.of("IDENTITY_ENDPOINT", entra.appServiceEndpoint(), "IDENTITY_HEADER", IDENTITY_HEADER);
    }

    private Map<String, String> imds() {
        return Map.of(ImdsEndpoint.VARIABLE, entra.imdsEndpoint());
    }

    @Test
    void appServiceStyleSendsTheIdentityHeaderToItsEndpoint() throws Exception {
        entra.systemAssignedIdentity().appServiceIdentityHeader(IDENTITY_HEADER);

        Secret token = tokens(appService(), null).token();

        assertThat(entra.issuedTokens()).containsExactly(token.reveal());
        ReceivedRequest request = entra.identityRequests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/msi/token");
        assertThat(request.header("X-IDENTITY-HEADER")).isEqualTo(IDENTITY_HEADER);
        assertThat(request.query()).contains("resource=https%3A%2F%2Fapi.adu.microsoft.com%2F");
        assertThat(log.text())
                .contains("-> GET " + entra.appServiceEndpoint())
                .doesNotContain(IDENTITY_HEADER)
                .doesNotContain(token.reveal());
    }

    @Test
    void imdsStyleGoesToTheConfiguredAddressWithTheMetadataHeader() throws Exception {
        entra.systemAssignedIdentity();

        Secret token = tokens(imds(), null).token();

        assertThat(entra.issuedTokens()).containsExactly(token.reveal());
        ReceivedRequest request = entra.identityRequests().get(0);
        assertThat(request.path()).isEqualTo("/metadata/identity/oauth2/token");
        assertThat(request.header("Metadata")).isEqualTo("true");
    }

    @Test
    void aUserAssignedIdentityIsNamedByClientIdOrResourceId() throws Exception {
        entra.userAssignedIdentity("uami-client-1").userAssignedIdentity(RESOURCE_ID);

        tokens(imds(), new ManagedIdentity.UserAssigned("uami-client-1", false, "clientId"))
                .token();
        tokens(imds(), new ManagedIdentity.UserAssigned(RESOURCE_ID, true, "clientId"))
                .token();

        assertThat(entra.identityRequests().get(0).query()).contains("client_id=uami-client-1");
        assertThat(entra.identityRequests().get(1).query()).containsAnyOf("mi_res_id=", "msi_res_id=");
        assertThat(entra.issuedTokens()).hasSize(2);
    }

    @Test
    void anIdentityTheMachineDoesNotHaveIsRefusedWithTheEndpointsWords() {
        entra.systemAssignedIdentity();
        ManagedIdentityTokens tokens = tokens(imds(), new ManagedIdentity.UserAssigned("nobody", false, "clientId"));

        OperationFailure failure = NoToken.from(tokens);

        assertThat(failure).isInstanceOf(ApiException.class);
        assertThat(failure.httpStatus()).isEqualTo(400);
        FailureText.assertReads(
                failure,
                "the managed identity token request to 127.0.0.1 (the instance metadata service (VM, scale set, AKS))"
                        + " was refused: HTTP 400 Bad Request: Identity not found: no user-assigned identity 'nobody' is"
                        + " assigned here. (invalid_request)",
                "Check that the user-assigned managed identity with client id 'nobody' (from clientId) exists and is"
                        + " assigned to this VM, scale set or node pool, and that it has a role on the Device Update"
                        + " account.");
        assertThat(NoToken.from(tokens)).as("remembered").isSameAs(failure);
    }

    @Test
    void aWrongIdentityHeaderIsRefused() {
        entra.systemAssignedIdentity().appServiceIdentityHeader("another-header");

        OperationFailure failure = NoToken.from(tokens(appService(), null));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.getMessage()).doesNotContain(IDENTITY_HEADER);
    }

    @Test
    void aClosedMetadataEndpointIsUnreachableNotAnotherCredentialsFailure() throws IOException {
        int closed = ClosedPort.number();

        OperationFailure failure =
                NoToken.from(tokens(Map.of(ImdsEndpoint.VARIABLE, "http://127.0.0.1:" + closed), null));

        assertThat(failure).isInstanceOf(UnreachableException.class);
        assertThat(failure.detail()).startsWith("could not connect to 127.0.0.1:" + closed);
    }

    @Test
    void theSourceIsTheOneMsalPicksForEveryEnvironment() throws Exception {
        List<Map<String, String>> environments = List.of(
                Map.of(),
                Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:1/a", "IDENTITY_HEADER", "h"),
                Map.of(
                        "IDENTITY_ENDPOINT",
                        "https://127.0.0.1:1/a",
                        "IDENTITY_HEADER",
                        "h",
                        "IDENTITY_SERVER_THUMBPRINT",
                        "t"),
                Map.of("MSI_ENDPOINT", "http://127.0.0.1:1/msi"),
                Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:1/arc", "IMDS_ENDPOINT", "http://127.0.0.1:2"),
                Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:1/alone"));
        for (Map<String, String> variables : environments) {
            String msal = MsalEnvironment.with(
                    Environment.of(variables),
                    () -> com.microsoft.aad.msal4j.ManagedIdentityApplication.getManagedIdentitySource()
                            .name());
            ManagedIdentitySource ours = ManagedIdentitySource.of(Environment.of(variables));
            assertThat(msal)
                    .as("MSAL's source for " + variables)
                    .isEqualTo(ours == ManagedIdentitySource.IMDS ? "DEFAULT_TO_IMDS" : ours.name());
        }
    }

    @Test
    void describeSaysWhichIdentityThroughWhatAndWhy() {
        assertThat(tokens(appService(), null).describe())
                .isEqualTo("the system-assigned managed identity, through App Service / Functions / Container Apps"
                        + " at 127.0.0.1 (credential=managed-identity)");
    }
}
