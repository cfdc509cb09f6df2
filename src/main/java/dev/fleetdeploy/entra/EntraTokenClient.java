package dev.fleetdeploy.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Gets a token from Microsoft Entra ID with the client credentials grant (a client secret, or a federated token as
 * client assertion), once per execution: every deployment of every thread shares it, and a refusal is remembered
 * rather than asked again for each deployment.
 */
public final class EntraTokenClient implements TokenSource {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Asked again this long before the token expires, so that a long {@code wait} never sends a stale one. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientCredential credential;
    private final String scope;
    private final HttpTransport transport;
    private final SecretMasker masker;
    private final Clock clock;

    private Secret token;
    private Instant refreshAt;
    private OperationFailure refusal;

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
        this.clock = clock;
    }

    @Override
    public Secret token() throws OperationFailure {
        return issue().token();
    }

    @Override
    public synchronized Issued issue() throws OperationFailure {
        if (refusal != null) {
            throw refusal;
        }
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return new Issued(token, 0);
        }
        try {
            ApiResponse response = transport.send(request());
            Instant asked = clock.instant();
            if (!response.successful()) {
                throw new ApiException(
                                context() + " was refused: ",
                                response.code(),
                                response.statusText(),
                                ErrorText.of(response),
                                hint(response) + response.hintAddition())
                        .withAttempts(response.attempts());
            }
            JsonNode answer = parse(response);
            String accessToken = answer.path("access_token").asText("");
            if (accessToken.isBlank()) {
                throw new ApiException(
                                context() + " answered without a token: ",
                                response.code(),
                                response.statusText(),
                                "the body has no access_token",
                                "Check the authority host: it should be Microsoft Entra ID's.")
                        .withAttempts(response.attempts());
            }
            token = masker.register(Secret.of(accessToken));
            Duration lifetime = lifetime(answer);
            // A short-lived token is renewed halfway through its life, so that none is ever sent expired.
            Duration margin =
                    lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2) : REFRESH_MARGIN;
            refreshAt = asked.plus(lifetime).minus(margin);
            return new Issued(token, response.attempts());
        } catch (OperationFailure failure) {
            refusal = failure;
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException(
                    "interrupted before Microsoft Entra ID answered", "The build was stopped.", e);
        }
    }

    @Override
    public String describe() {
        String how = credential.proof() instanceof ClientCredential.ClientSecret
                ? "a client secret"
                : "a federated token (workload identity)";
        return how + " of client '" + credential.clientId() + "' in tenant '" + credential.tenantId() + "' (from "
                + credential.proof().origin() + "), through "
                + credential.authorityHost().host();
    }

    @Override
    public Optional<PlannedRequest> plan() {
        return Optional.of(transport.plan(request(), "once per execution, for the token"));
    }

    private ApiRequest request() {
        ApiRequest.Builder request = ApiRequest.post(credential.tokenUrl())
                .formField("grant_type", "client_credentials")
                .formField("client_id", credential.clientId())
                .formField("scope", scope);
        if (credential.proof() instanceof ClientCredential.ClientSecret secret) {
            request.secretFormField("client_secret", secret.secret());
        } else if (credential.proof() instanceof ClientCredential.FederatedToken federated) {
            request.formField("client_assertion_type", ASSERTION_TYPE)
                    .secretFormField("client_assertion", federated.assertion());
        }
        // Asking for a token twice changes nothing, so a failed attempt may be repeated.
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
                .withAttempts(response.attempts());
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
        String variables = credential.proof() instanceof ClientCredential.ClientSecret
                ? "the client secret (its value, not its secret id; it may have expired)"
                : "the federated token file (it may have expired) and the app's federated credential (issuer, subject, audience)";
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
        return "Check " + variables + ", clientId ('" + credential.clientId() + "') and tenantId ('"
                + credential.tenantId() + "').";
    }

    @Override
    public String toString() {
        return "EntraTokenClient[client " + credential.clientId() + ", tenant " + credential.tenantId() + "]";
    }
}
