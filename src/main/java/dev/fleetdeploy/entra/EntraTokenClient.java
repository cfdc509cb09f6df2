package dev.fleetdeploy.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.ErrorText;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RefusedRedirect;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;

/**
 * Gets a token from Microsoft Entra ID with the client credentials grant (a client secret, a client certificate, or
 * a federated token as client assertion) through MSAL for Java, once per execution: every deployment of every thread
 * shares it, and a refusal is remembered rather than asked again for each deployment.
 *
 * <p>MSAL writes the request (and signs the certificate's assertion); its HTTP goes through the plugin's transport
 * ({@link MsalTransport}), to the authority host only: no instance discovery, no authority validation, and MSAL's own
 * retries are off (the transport retries). The token's lifetime and every failure are read from the answer the
 * transport got, so messages and refresh times are the plugin's own, on the execution's clock.
 */
public final class EntraTokenClient implements TokenSource {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientCredential credential;
    private final String scope;
    private final HttpTransport transport;
    private final SecretMasker masker;

    private MsalTransport msalTransport;
    private ConfidentialClientApplication application;
    private final TokenCache cache;

    /**
     * @param scope what the token is for ("https://api.adu.microsoft.com/.default")
     * @param masker learns the token as soon as it arrives
     */
    public EntraTokenClient(
            ClientCredential credential, String scope, HttpTransport transport, SecretMasker masker, Clock clock) {
        this.credential = credential;
        this.scope = scope;
        this.transport = transport;
        this.masker = masker;
        this.cache = new TokenCache(masker, clock, "Microsoft Entra ID");
    }

    @Override
    public Issued issue() throws OperationFailure {
        return cache.issue(this::fetch);
    }

    private TokenCache.Fresh fetch() throws OperationFailure, InterruptedException {
        ConfidentialClientApplication app = application();
        msalTransport.begin();
        Throwable msalError = null;
        try {
            // Skip MSAL's cache: the lifetime is kept here, on the execution's clock.
            app.acquireToken(ClientCredentialParameters.builder(Set.of(scope))
                            .skipCache(true)
                            .build())
                    .get();
        } catch (ExecutionException e) {
            msalError = e.getCause();
        }
        // The answer itself decides, read as the plugin always read it: MSAL is stricter about expires_in.
        ApiResponse response = msalTransport.lastResponse();
        if (msalTransport.lastFailure() != null || response == null || !response.successful()) {
            throw failure(msalError);
        }
        JsonNode answer = parse(response);
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw withoutToken(response);
        }
        return new TokenCache.Fresh(accessToken, lifetime(answer), msalTransport.attempts());
    }

    /** The MSAL application, built on first use: no MSAL class is loaded before a token is needed. */
    private ConfidentialClientApplication application() throws OperationFailure {
        if (application == null) {
            HttpUrl authority = credential.authorityHost();
            // MSAL's view: https://<host>:<port>/<tenant>/; the transport maps it back to the authority host.
            HttpUrl msalBase = new HttpUrl.Builder()
                    .scheme("https")
                    .host(authority.host())
                    .port(authority.port())
                    .build();
            msalTransport = new MsalTransport(transport, masker, new MsalRoute(msalBase, authority));
            try {
                application = ConfidentialClientApplication.builder(credential.clientId(), msalCredential())
                        .authority(msalBase.newBuilder()
                                .addPathSegment(credential.tenantId())
                                .addPathSegment("")
                                .build()
                                .toString())
                        .instanceDiscovery(false)
                        .validateAuthority(false)
                        .disableInternalRetries()
                        .logPii(false)
                        .sendX5c(credential.proof() instanceof ClientCredential.ClientCertificate certificate
                                && certificate.sendChain())
                        .httpClient(msalTransport)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new UnreachableException(
                        context() + " was not sent: MSAL refused the authority (" + e.getMessage() + ")",
                        "Check tenantId ('" + credential.tenantId() + "') and the authority host.",
                        null);
            }
        }
        return application;
    }

    private IClientCredential msalCredential() {
        ClientCredential.Proof proof = credential.proof();
        if (proof instanceof ClientCredential.ClientSecret secret) {
            return ClientCredentialFactory.createFromSecret(secret.secret().reveal());
        }
        if (proof instanceof ClientCredential.ClientCertificate certificate) {
            return ClientCredentialFactory.createFromCertificateChain(certificate.privateKey(), certificate.chain());
        }
        ClientCredential.FederatedToken federated = (ClientCredential.FederatedToken) proof;
        return ClientCredentialFactory.createFromClientAssertion(
                federated.assertion().reveal());
    }

    /**
     * What went wrong, from the transport's own record of the exchange rather than MSAL's wording: the transport
     * failed, MSAL sent nothing, or the authority refused. (A success is read by {@link #fetch} whatever MSAL made of
     * it.)
     */
    private OperationFailure failure(Throwable msalError) {
        if (msalTransport.lastFailure() != null) {
            return msalTransport.lastFailure();
        }
        ApiResponse response = msalTransport.lastResponse();
        if (response == null) {
            String text = msalError == null ? "" : masker.mask(String.valueOf(msalError.getMessage()));
            return new UnreachableException(
                    context() + " was not sent: MSAL failed before sending it ("
                            + (msalError == null
                                    ? "no detail"
                                    : msalError.getClass().getSimpleName()) + ": " + text
                            + ")",
                    hintFor(null),
                    null);
        }
        return new ApiException(
                        context() + " was refused: ",
                        response.code(),
                        response.statusText(),
                        ErrorText.of(response),
                        hint(response) + response.hintAddition())
                .withAttempts(msalTransport.attempts());
    }

    private ApiException withoutToken(ApiResponse response) {
        return new ApiException(
                        context() + " answered without a token: ",
                        response.code(),
                        response.statusText(),
                        "the body has no access_token",
                        "Check the authority host: it should be Microsoft Entra ID's.")
                .withAttempts(msalTransport.attempts());
    }

    @Override
    public String describe() {
        return how() + " of client '" + credential.clientId() + "' in tenant '" + credential.tenantId() + "' (from "
                + credential.proof().origin() + "), through "
                + credential.authorityHost().host();
    }

    private String how() {
        ClientCredential.Proof proof = credential.proof();
        if (proof instanceof ClientCredential.ClientSecret) {
            return "a client secret";
        }
        if (proof instanceof ClientCredential.ClientCertificate certificate) {
            return "a client certificate (" + certificate.describe() + ")";
        }
        return "a federated token (workload identity)";
    }

    @Override
    public Optional<PlannedRequest> plan() {
        return Optional.of(transport.plan(request(), "once per execution, for the token"));
    }

    /** The request as a dry run shows it: its grant and credential fields, credentials masked. */
    private ApiRequest request() {
        ApiRequest.Builder request = ApiRequest.post(credential.tokenUrl())
                .formField("grant_type", "client_credentials")
                .formField("client_id", credential.clientId())
                .formField("scope", scope);
        ClientCredential.Proof proof = credential.proof();
        if (proof instanceof ClientCredential.ClientSecret secret) {
            request.secretFormField("client_secret", secret.secret());
        } else {
            // A certificate's assertion is signed when sent: a dry run shows where it would go, masked.
            request.formField("client_assertion_type", ASSERTION_TYPE)
                    .secretFormField(
                            "client_assertion",
                            proof instanceof ClientCredential.FederatedToken federated
                                    ? federated.assertion()
                                    : Secret.of("signed-at-send-time"));
        }
        return request.repeatable().secretAnswer().build();
    }

    private String context() {
        return "the token request to " + credential.authorityHost().host();
    }

    private JsonNode parse(ApiResponse response) throws ApiException {
        try {
            JsonNode root = JSON.readTree(response.body());
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // Reported below, without the body: it could hold the token.
        }
        throw new ApiException(
                        context() + " got an answer that is not JSON: ",
                        response.code(),
                        response.statusText(),
                        "",
                        "Check the authority host (and any proxy in between): it should be Microsoft Entra ID's.")
                .withAttempts(msalTransport.attempts());
    }

    /** {@code expires_in} in seconds (a number or, from some clouds, a string); an hour when absent. */
    private static Duration lifetime(JsonNode answer) {
        JsonNode expires = answer.path("expires_in");
        long seconds = expires.canConvertToLong() ? expires.asLong() : parseOr(expires.asText(""), 3600);
        return Duration.ofSeconds(Math.max(seconds, 0));
    }

    private static long parseOr(String text, long fallback) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String hint(ApiResponse response) {
        if (RefusedRedirect.is(response)) {
            String proof =
                    credential.proof() instanceof ClientCredential.ClientSecret ? "client secret" : "federated token";
            return new RefusedRedirect(
                            "Microsoft Entra ID",
                            "the " + proof + " reaches",
                            "the authority host (" + credential.authorityHost() + ")",
                            "")
                    .hint(response, credential.tokenUrl(), false);
        }
        String text = ErrorText.of(response);
        if (text.contains("AADSTS90002") || text.contains("AADSTS900023")) {
            return "Check tenantId ('" + credential.tenantId() + "'): Entra ID does not know that tenant.";
        }
        if (text.contains("AADSTS700016")) {
            return "Check clientId ('" + credential.clientId()
                    + "') and tenantId: the application is not registered in that tenant.";
        }
        if (text.contains("AADSTS70011") || text.contains("invalid_scope")) {
            return "The scope " + scope
                    + " was refused: check that the authority host is the one of the cloud the account lives in.";
        }
        if (response.code() >= 500) {
            return "Microsoft Entra ID had an error on its side: try again later.";
        }
        return hintFor(response);
    }

    private String hintFor(ApiResponse response) {
        ClientCredential.Proof proof = credential.proof();
        String what;
        if (proof instanceof ClientCredential.ClientSecret) {
            what = "the client secret (its value, not its secret id; it may have expired)";
        } else if (proof instanceof ClientCredential.ClientCertificate) {
            what = "the client certificate (uploaded to the app registration? expired?)";
        } else {
            what = "the federated token file (it may have expired) and the app's federated credential (issuer,"
                    + " subject, audience)";
        }
        return "Check " + what + ", clientId ('" + credential.clientId() + "') and tenantId ('" + credential.tenantId()
                + "').";
    }

    @Override
    public String toString() {
        return "EntraTokenClient[client " + credential.clientId() + ", tenant " + credential.tenantId() + "]";
    }
}
