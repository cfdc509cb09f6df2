package dev.fleetdeploy.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Answers as Entra ID's v2.0 token endpoint does for the client credentials grant: records the request, then
 * answers from a forced answer if the test set one, else checks tenant, grant, client, scope and credential in that
 * order and issues a token that linked fake ADUs accept.
 */
final class EntraDispatcher extends Dispatcher {
    static final String SCOPE = AzureIds.SCOPE;
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The one key forced answers use: the fake serves one endpoint. */
    static final String TOKEN_ENDPOINT = "token";

    private static final String JSON = "application/json; charset=utf-8";
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Clients by tenant, then client id. */
    private final Map<String, Map<String, EntraClient>> clients = new ConcurrentHashMap<>();

    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Set<String> issuedSet = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final ForcedAnswers<String> forced = new ForcedAnswers<>();
    private final List<EntraAssertion.Seen> assertions = new CopyOnWriteArrayList<>();
    private final ManagedIdentityEndpoints managedIdentity = new ManagedIdentityEndpoints(this);

    void register(EntraClient client) {
        clients.computeIfAbsent(client.tenant(), tenant -> new ConcurrentHashMap<>())
                .put(client.clientId(), client);
    }

    ForcedAnswers<String> forced() {
        return forced;
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    List<String> issued() {
        return List.copyOf(issued);
    }

    boolean hasIssued(String token) {
        return issuedSet.contains(token);
    }

    List<EntraAssertion.Seen> assertions() {
        return List.copyOf(assertions);
    }

    ManagedIdentityEndpoints managedIdentity() {
        return managedIdentity;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(RequestRecorder.record(request));
        String target = request.getTarget();
        String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        Optional<MockResponse> identity = managedIdentity.answer(request, rawPath);
        if (identity.isPresent()) {
            return identity.get();
        }
        String[] segments = rawPath.split("/", -1);
        if (segments.length != 5
                || !segments[0].isEmpty()
                || segments[1].isEmpty()
                || !segments[2].equals("oauth2")
                || !segments[3].equals("v2.0")
                || !segments[4].equals("token")) {
            return new MockResponse.Builder()
                    .status(StatusLine.of(404))
                    .body("")
                    .build();
        }
        String correlationId = Optional.ofNullable(request.getHeaders().get("client-request-id"))
                .orElseGet(EntraErrors::newId);
        Attempt attempt = new Attempt(EntraErrors.newId(), correlationId);
        if (!request.getMethod().equals("POST")) {
            return attempt.error(
                    400,
                    "invalid_request",
                    900561,
                    "The endpoint only accepts POST, OPTIONS requests. Received a " + request.getMethod()
                            + " request.");
        }
        Optional<CannedAnswer> answer = forced.next(TOKEN_ENDPOINT);
        if (answer.isPresent()) {
            return CannedResponses.builder(answer.get()).build();
        }
        String tenant;
        try {
            tenant = AduRoute.decode(segments[1]);
        } catch (IllegalArgumentException e) {
            tenant = segments[1];
        }
        Map<String, EntraClient> directory = clients.get(tenant);
        if (directory == null) {
            return attempt.error(400, "invalid_request", 90002, EntraErrors.tenantNotFound(tenant));
        }
        String contentType = request.getHeaders().get("Content-Type");
        FormBody form = contentType != null
                        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? FormBody.parse(
                        request.getBody() == null ? "" : request.getBody().utf8())
                : new FormBody(Map.of());
        return token(attempt, tenant, directory, form, request.getUrl());
    }

    private MockResponse token(
            Attempt attempt, String tenant, Map<String, EntraClient> directory, FormBody form, HttpUrl url) {
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return attempt.missing("grant_type");
        }
        if (!grantType.equals("client_credentials")) {
            return attempt.error(
                    400, "invalid_request", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
        }
        String clientId = form.get("client_id");
        if (clientId == null) {
            return attempt.missing("client_id");
        }
        EntraClient client = directory.get(clientId);
        if (client == null) {
            return attempt.error(400, "unauthorized_client", 700016, EntraErrors.applicationNotFound(clientId, tenant));
        }
        String scope = form.get("scope");
        if (scope == null) {
            return attempt.error(
                    400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter.");
        }
        // MSAL for Java adds OpenID Connect's scopes to every request; Entra ID ignores them for this grant.
        List<String> scopes = List.of(scope.split(" "));
        if (!scopes.contains(SCOPE)
                || !OIDC_SCOPES.containsAll(
                        scopes.stream().filter(s -> !s.equals(SCOPE)).toList())) {
            return attempt.error(
                    400,
                    "invalid_scope",
                    70011,
                    "The provided value for the input parameter 'scope' is not valid." + " The scope " + scope
                            + " is not valid.");
        }
        String secret = form.get("client_secret");
        String assertion = form.get("client_assertion");
        if (secret != null && assertion != null) {
            return attempt.error(
                    400,
                    "invalid_request",
                    9002313,
                    "Invalid request. Request is malformed or invalid:"
                            + " send either 'client_secret' or 'client_assertion', not both.");
        }
        if (secret == null && assertion == null) {
            return attempt.error(
                    401,
                    "invalid_client",
                    7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (secret != null) {
            return secret.equals(client.secret())
                    ? issue(tenant, clientId)
                    : attempt.error(401, "invalid_client", 7000215, EntraErrors.invalidSecret(clientId));
        }
        String assertionType = form.get("client_assertion_type");
        if (assertionType == null) {
            return attempt.missing("client_assertion_type");
        }
        if (!assertionType.equals(JWT_BEARER)) {
            return attempt.error(
                    400,
                    "invalid_request",
                    9002313,
                    "Invalid request. Request is malformed or invalid:" + " 'client_assertion_type' must be '"
                            + JWT_BEARER + "'.");
        }
        if (client.certificate() != null) {
            assertions.add(EntraAssertion.header(assertion));
            EntraAssertion.Verdict verdict = EntraAssertion.check(assertion, client.certificate(), clientId, url);
            return verdict == null
                    ? issue(tenant, clientId)
                    : attempt.error(401, verdict.error(), verdict.aadsts(), verdict.text());
        }
        return assertion.equals(client.assertion())
                ? issue(tenant, clientId)
                : attempt.error(
                        400,
                        "invalid_client",
                        700211,
                        "No matching federated identity record found for presented"
                                + " assertion. Check the federated credentials of app '" + clientId + "'.");
    }

    /** A new token that linked fake ADUs accept. */
    String newToken() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String token = "fake-entra-token-" + counter.incrementAndGet() + "-"
                + HexFormat.of().formatHex(random);
        issuedSet.add(token);
        issued.add(token);
        return token;
    }

    private MockResponse issue(String tenant, String clientId) {
        String token = newToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", 3599);
        body.put("ext_expires_in", 3599);
        body.put("access_token", token);
        return json(200, EntraErrors.newId()).body(Json.write(body)).build();
    }

    static MockResponse.Builder json(int code, String requestId) {
        return new MockResponse.Builder()
                .status(StatusLine.of(code))
                .addHeader("Cache-Control", "no-store, no-cache")
                .addHeader("Content-Type", JSON)
                .addHeader("x-ms-request-id", requestId);
    }

    /** One request's ids, which every error it gets repeats. */
    private record Attempt(String traceId, String correlationId) {

        MockResponse error(int code, String error, int aadsts, String text) {
            return json(code, traceId)
                    .body(EntraErrors.body(error, aadsts, text, traceId, correlationId))
                    .build();
        }

        MockResponse missing(String field) {
            return error(
                    400,
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: '" + field + "'.");
        }
    }
}
