package dev.fleetdeploy.testing;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;

/**
 * A fake Microsoft Entra ID token endpoint on 127.0.0.1 for the client credentials grant, with a client secret, a
 * certificate (its signed assertion checked) or a federated assertion (workload identity), and the managed identity
 * endpoints a machine offers (IMDS, App Service), so that the plugin's Azure sign-in is tested end to end with
 * {@link FakeAdu#trust(FakeEntra)}.
 *
 * <pre>
 * def entra = FakeEntra.start().client('tenant-1', 'client-1', 'secret-1')
 * context.get('userProperties').put('azure.authorityHost', entra.authorityHost())
 * ...
 * assert entra.issuedTokens().size() == 1
 * entra.close()
 * </pre>
 *
 * <p>Errors come in Entra's shape with its AADSTS codes; no error repeats a secret or an assertion.
 */
public final class FakeEntra implements LoopbackFake {
    private final MockWebServer server;
    private final EntraDispatcher dispatcher = new EntraDispatcher();

    private FakeEntra() {
        this.server = LoopbackServer.start(dispatcher, "fake Entra ID");
    }

    /** Starts a fake that knows no tenant yet, on an ephemeral loopback port. */
    public static FakeEntra start() {
        return new FakeEntra();
    }

    /** "http://127.0.0.1:PORT". */
    public String url() {
        return LoopbackServer.url(server.getPort());
    }

    /** {@code url() + "/"}, to give the plugin as {@code AZURE_AUTHORITY_HOST}: it appends {@code {tenant}/oauth2/v2.0/token}. */
    public String authorityHost() {
        return url() + "/";
    }

    /** Where a client of this tenant asks for tokens. */
    public String tokenUrl(String tenant) {
        return authorityHost() + tenant + "/oauth2/v2.0/token";
    }

    /** Registers an app with a client secret (and so the tenant, too). */
    public FakeEntra client(String tenant, String clientId, String secret) {
        dispatcher.register(new EntraClient(tenant, clientId, secret, null));
        return this;
    }

    /** Registers an app with a federated credential: the request's {@code client_assertion} must equal {@code assertion}. */
    public FakeEntra federatedClient(String tenant, String clientId, String assertion) {
        dispatcher.register(new EntraClient(tenant, clientId, null, assertion));
        return this;
    }

    /**
     * Registers an app with a certificate credential: the request's {@code client_assertion} must be a JWT signed
     * with the certificate's private key and naming it by thumbprint, as Entra ID checks it.
     */
    public FakeEntra certificateClient(String tenant, String clientId, java.security.cert.X509Certificate certificate) {
        dispatcher.register(new EntraClient(tenant, clientId, null, null, certificate));
        return this;
    }

    /** The headers of the certificate-signed assertions received, in order. */
    public List<EntraAssertion.Seen> assertions() {
        return dispatcher.assertions();
    }

    /** Gives this "machine" a system-assigned managed identity. */
    public FakeEntra systemAssignedIdentity() {
        dispatcher.managedIdentity().systemAssigned();
        return this;
    }

    /** Assigns this "machine" a user-assigned managed identity, by client id or ARM resource id. */
    public FakeEntra userAssignedIdentity(String id) {
        dispatcher.managedIdentity().userAssigned(id);
        return this;
    }

    /**
     * Serves App Service's managed identity endpoint ({@link #appServiceEndpoint()}), which wants this
     * {@code X-IDENTITY-HEADER} (its host's {@code IDENTITY_HEADER}).
     */
    public FakeEntra appServiceIdentityHeader(String secret) {
        dispatcher.managedIdentity().identityHeader(secret);
        return this;
    }

    /** The base URL to give as {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} or {@code imdsEndpoint}: this fake is IMDS too. */
    public String imdsEndpoint() {
        return url();
    }

    /** App Service's endpoint, to give as {@code IDENTITY_ENDPOINT}. */
    public String appServiceEndpoint() {
        return url() + ManagedIdentityEndpoints.APP_SERVICE_PATH;
    }

    /** The managed identity token requests received (IMDS and App Service), with the probes among them. */
    public List<ReceivedRequest> identityRequests() {
        return dispatcher.received().stream()
                .filter(r -> r.path().equals(ManagedIdentityEndpoints.IMDS_PATH)
                        || r.path().equals(ManagedIdentityEndpoints.APP_SERVICE_PATH))
                .toList();
    }

    /** Every POST to the token endpoint gets this answer and no token is issued, whatever the request. */
    public FakeEntra answerAlways(CannedAnswer answer) {
        dispatcher.forced().always(EntraDispatcher.TOKEN_ENDPOINT, answer);
        return this;
    }

    /** The next POST to the token endpoint gets this answer; calls queue up, and then the fake answers as usual. */
    public FakeEntra answerOnce(CannedAnswer answer) {
        dispatcher.forced().once(EntraDispatcher.TOKEN_ENDPOINT, answer);
        return this;
    }

    /** An error in Entra's shape to force, e.g. {@code error(401, 'invalid_client', 7000222, 'The provided client secret keys are expired.')}. */
    public static CannedAnswer error(int code, String error, int aadsts, String text) {
        return new CannedAnswer(
                code,
                Map.of("Content-Type", "application/json; charset=utf-8"),
                EntraErrors.body(error, aadsts, text, EntraErrors.newId(), EntraErrors.newId()));
    }

    /** Every request to the token endpoint received, in order, with its form body as text. */
    public List<ReceivedRequest> tokenRequests() {
        return dispatcher.received().stream()
                .filter(r -> !r.path().equals(ManagedIdentityEndpoints.IMDS_PATH)
                        && !r.path().equals(ManagedIdentityEndpoints.APP_SERVICE_PATH))
                .toList();
    }

    /** The access tokens issued so far, in order. */
    public List<String> issuedTokens() {
        return dispatcher.issued();
    }

    boolean hasIssued(String token) {
        return dispatcher.hasIssued(token);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeEntra[" + url() + ", " + issuedTokens().size() + " tokens issued]";
    }
}
