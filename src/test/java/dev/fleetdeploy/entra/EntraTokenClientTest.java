package dev.fleetdeploy.entra;

import static dev.fleetdeploy.testing.AzureIds.ASSERTION;
import static dev.fleetdeploy.testing.AzureIds.CLIENT_ID;
import static dev.fleetdeploy.testing.AzureIds.SCOPE;
import static dev.fleetdeploy.testing.AzureIds.TENANT;
import static dev.fleetdeploy.testing.CannedResponses.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.UserAgent;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.ClosedPort;
import dev.fleetdeploy.testing.FailureText;
import dev.fleetdeploy.testing.MockServerTest;
import dev.fleetdeploy.testing.NoToken;
import dev.fleetdeploy.testing.TestHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client credentials grant against a fake Microsoft Entra ID token endpoint. */
class EntraTokenClientTest extends MockServerTest {
    /** Entra's secrets hold '~' and '.', which a form must encode ('~') or may keep ('.'). */
    private static final String SECRET = "Zx8Q~s3cr3t.value_0123456789";

    private static final String SECRET_IN_FORM = "Zx8Q%7Es3cr3t.value_0123456789";
    private static final String TOKEN =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5hZHUifQ.Zmlyc3Q";
    private static final String SECOND_TOKEN =
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5hZHUifQ.c2Vjb25k";

    private HttpUrl authority() {
        return AuthorityHost.parse("http://127.0.0.1:" + server.getPort() + "/", "authorityHost");
    }

    private static ClientCredential.Proof clientSecret() {
        return new ClientCredential.ClientSecret(Secret.of(SECRET), "clientSecret (-Dfleet.clientSecret)");
    }

    private static ClientCredential.Proof federatedToken() {
        return new ClientCredential.FederatedToken(
                Secret.of(ASSERTION), "the AZURE_FEDERATED_TOKEN_FILE environment variable");
    }

    private EntraTokenClient client(HttpUrl authority, ClientCredential.Proof proof, int maxRetries) {
        return new EntraTokenClient(
                new ClientCredential(authority, TENANT, CLIENT_ID, proof),
                SCOPE,
                providers.transport(TestHttp.retries(maxRetries)),
                masker,
                time.clock());
    }

    private EntraTokenClient client(ClientCredential.Proof proof) {
        return client(authority(), proof, 0);
    }

    private EntraTokenClient client() {
        return client(clientSecret());
    }

    private static MockResponse json(int code, String body) {
        return response(CannedAnswer.of(code, "application/json; charset=utf-8", body)
                .withHeader("Cache-Control", "no-store, no-cache"));
    }

    private static MockResponse issued(String token, String expiresIn) {
        return json(
                200,
                "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                        + ",\"access_token\":\"" + token + "\"}");
    }

    private static MockResponse issued(String token) {
        return issued(token, "3599");
    }

    /** What Entra ID answers to a wrong client secret. */
    private static MockResponse invalidClient() {
        return json(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided. Ensure the"
                        + " secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                        + CLIENT_ID
                        + "'. Trace ID: 0d3f7c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6 Correlation ID: 9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9"
                        + " Timestamp: 2026-11-21 00:00:00Z\",\"error_codes\":[7000215],\"timestamp\":\"2026-11-21 00:00:00Z\","
                        + "\"trace_id\":\"0d3f7c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6\",\"correlation_id\":\"9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9\","
                        + "\"error_uri\":\"https://login.microsoftonline.com/error?code=7000215\"}");
    }

    // ---- the request ----

    @Test
    void aClientSecretIsSentAsTheClientCredentialsGrant() throws Exception {
        server.enqueue(issued(TOKEN));

        Secret token = client().token();

        assertThat(token.reveal()).isEqualTo(TOKEN);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("POST /" + TENANT + "/oauth2/v2.0/token HTTP/1.1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        // MSAL writes the form: the grant's fields, with the secret encoded ('~' as %7E), and no other credential.
        String body = request.getBody().utf8();
        assertThat(body).contains("&client_secret=" + SECRET_IN_FORM);
        assertThat(form(body))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_secret", SECRET)
                .doesNotContainKeys("client_assertion", "client_assertion_type");
        assertThat(form(body).get("scope").split(" ")).contains(SCOPE);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).startsWith(UserAgent.PRODUCT + "/");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aFederatedTokenIsSentAsAClientAssertion() throws Exception {
        server.enqueue(issued(TOKEN));

        client(federatedToken()).token();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("POST /" + TENANT + "/oauth2/v2.0/token HTTP/1.1");
        String body = request.getBody().utf8();
        assertThat(body)
                .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                .contains("client_assertion=" + ASSERTION);
        assertThat(form(body))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_assertion", ASSERTION)
                .doesNotContainKey("client_secret");
        assertThat(form(body).get("scope").split(" ")).contains(SCOPE);
    }

    /** The form's fields, decoded. */
    static java.util.Map<String, String> form(String body) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(
                    java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                    parts.length < 2
                            ? ""
                            : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void anAuthorityHostWithAPathKeepsIt() throws Exception {
        server.enqueue(issued(TOKEN));

        client(
                        AuthorityHost.parse("http://127.0.0.1:" + server.getPort() + "/entra", "authorityHost"),
                        clientSecret(),
                        0)
                .token();

        assertThat(server.takeRequest().getTarget()).isEqualTo("/entra/" + TENANT + "/oauth2/v2.0/token");
    }

    // ---- once per execution ----

    @Test
    void theTokenIsAskedForOnceAndReused() throws Exception {
        server.enqueue(issued(TOKEN));
        server.enqueue(issued(SECOND_TOKEN));
        EntraTokenClient client = client();

        for (int i = 0; i < 5; i++) {
            assertThat(client.token().reveal()).isEqualTo(TOKEN);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void threadsAskingAtOnceShareOneRequest() throws Exception {
        server.enqueue(issued(TOKEN));
        server.enqueue(issued(SECOND_TOKEN));
        EntraTokenClient client = client();
        int threads = 12;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tokens.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return client.token().reveal();
                }));
            }
            for (Future<String> token : tokens) {
                assertThat(token.get(10, TimeUnit.SECONDS)).isEqualTo(TOKEN);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theTokenIsAskedForAgainFiveMinutesBeforeItExpires() throws Exception {
        server.enqueue(issued(TOKEN, "3600"));
        server.enqueue(issued(SECOND_TOKEN, "3600"));
        EntraTokenClient client = client();

        assertThat(client.token().reveal()).isEqualTo(TOKEN);
        time.sleep(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(client.token().reveal()).isEqualTo(TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(1);

        time.sleep(Duration.ofSeconds(1));
        assertThat(client.token().reveal()).isEqualTo(SECOND_TOKEN);
        assertThat(client.token().reveal()).isEqualTo(SECOND_TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(masker.mask(TOKEN + " " + SECOND_TOKEN)).isEqualTo("**** ****");
    }

    @ParameterizedTest(name = "expires_in {0}")
    @ValueSource(strings = {"\"3600\"", "\" 3600 \""})
    void anExpiresInWrittenAsAStringCountsTheSame(String expiresIn) throws Exception {
        server.enqueue(issued(TOKEN, expiresIn));
        server.enqueue(issued(SECOND_TOKEN));
        EntraTokenClient client = client();

        client.token();
        time.sleep(Duration.ofMinutes(54));
        assertThat(client.token().reveal()).isEqualTo(TOKEN);
        time.sleep(Duration.ofMinutes(1));
        assertThat(client.token().reveal()).isEqualTo(SECOND_TOKEN);
    }

    @Test
    void withoutExpiresInATokenIsTakenToLastAnHour() throws Exception {
        server.enqueue(json(200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + TOKEN + "\"}"));
        server.enqueue(issued(SECOND_TOKEN));
        EntraTokenClient client = client();

        client.token();
        time.sleep(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(client.token().reveal()).isEqualTo(TOKEN);
        time.sleep(Duration.ofSeconds(1));
        assertThat(client.token().reveal()).isEqualTo(SECOND_TOKEN);
    }

    @Test
    void aShortLivedTokenIsNeverSentAfterItExpired() throws Exception {
        server.enqueue(issued(TOKEN, "30"));
        server.enqueue(issued(SECOND_TOKEN, "30"));
        EntraTokenClient client = client();

        client.token();
        time.sleep(Duration.ofSeconds(45));

        assertThat(client.token().reveal()).isEqualTo(SECOND_TOKEN);
    }

    // ---- refusals ----

    @Test
    void aWrongClientSecretGivesEntrasCodeAndDescriptionAndAHint() {
        server.enqueue(invalidClient());

        OperationFailure failure = NoToken.from(client());

        assertThat(failure).isInstanceOf(ApiException.class);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.detail())
                .startsWith(
                        "the token request to 127.0.0.1 was refused: HTTP 401 Unauthorized: AADSTS7000215: Invalid"
                                + " client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID,")
                .endsWith("Timestamp: 2026-11-21 00:00:00Z (invalid_client)");
        assertThat(failure.hint())
                .isEqualTo("Check the client secret (its value, not its secret id; it may have expired), clientId ('"
                        + CLIENT_ID + "') and tenantId ('" + TENANT + "').");
        assertThat(failure.getMessage() + failure.hint()).doesNotContain(SECRET).doesNotContain(SECRET_IN_FORM);
    }

    @Test
    void aRefusalIsRememberedAndNotAskedAgain() {
        server.enqueue(invalidClient());
        server.enqueue(issued(TOKEN));
        EntraTokenClient client = client();

        OperationFailure first = NoToken.from(client);
        OperationFailure second = NoToken.from(client);

        assertThat(second).isSameAs(first);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** Refusals whose AADSTS code tells what to check: the description as Entra ID wrote it, and the hint. */
    static Stream<Arguments> refusalsThatNameWhatToCheck() {
        return Stream.of(
                Arguments.of(
                        Named.of("an unknown tenant", clientSecret()),
                        "invalid_request",
                        "AADSTS90002: Tenant '" + TENANT + "' not found. Check to make sure you have the correct"
                                + " tenant ID and are signing into the correct cloud.",
                        "Check tenantId ('" + TENANT + "'): Entra ID does not know that tenant."),
                Arguments.of(
                        Named.of("an unknown application", clientSecret()),
                        "unauthorized_client",
                        "AADSTS700016: Application with identifier '" + CLIENT_ID
                                + "' was not found in the directory 'Contoso'.",
                        "Check clientId ('" + CLIENT_ID + "') and tenantId: the application is not registered in"
                                + " that tenant."),
                Arguments.of(
                        Named.of("a refused scope", clientSecret()),
                        "invalid_scope",
                        "AADSTS70011: The provided request must include a 'scope' input parameter.",
                        "The scope " + SCOPE + " was refused: check that the authority host is the one of the cloud"
                                + " the account lives in."),
                Arguments.of(
                        Named.of("a refused federated token", federatedToken()),
                        "invalid_client",
                        "AADSTS70021: No matching federated identity record found for presented assertion.",
                        "Check the federated token file (it may have expired) and the app's federated credential"
                                + " (issuer, subject, audience), clientId ('" + CLIENT_ID + "') and tenantId ('"
                                + TENANT + "')."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalsThatNameWhatToCheck")
    void aRefusalGivesEntrasDescriptionAndNamesWhatToCheck(
            ClientCredential.Proof proof, String error, String description, String hint) {
        int aadsts = Integer.parseInt(description.substring("AADSTS".length(), description.indexOf(':')));
        server.enqueue(json(
                400,
                "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"error_codes\":[" + aadsts
                        + "]}"));

        OperationFailure failure = NoToken.from(client(proof));

        FailureText.assertReads(
                failure,
                "the token request to 127.0.0.1 was refused: HTTP 400 Bad Request: " + description + " (" + error + ")",
                hint);
        assertThat(failure.getMessage()).doesNotContain(ASSERTION).doesNotContain(SECRET);
    }

    @Test
    void aSuccessWithoutATokenFailsClearly() {
        server.enqueue(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599}"));

        OperationFailure failure = NoToken.from(client());

        FailureText.assertReads(
                failure,
                "the token request to 127.0.0.1 answered without a token: HTTP 200 OK: the body has no access_token",
                "Check the authority host: it should be Microsoft Entra ID's.");
    }

    @Test
    void aSuccessThatIsNotJsonFailsWithoutShowingTheBody() {
        server.enqueue(
                response(CannedAnswer.of(200, "text/html", "<html><title>Corporate proxy sign-in</title></html>")));

        OperationFailure failure = NoToken.from(client());

        FailureText.assertReads(
                failure,
                "the token request to 127.0.0.1 got an answer that is not JSON: HTTP 200 OK with no error text",
                "Check the authority host (and any proxy in between): it should be Microsoft Entra ID's.");
    }

    @Test
    void anEntraServerErrorSaysItIsOnTheirSide() {
        server.enqueue(json(
                500,
                "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS50011: Service unavailable\"}"));

        assertThat(NoToken.from(client()).hint())
                .isEqualTo("Microsoft Entra ID had an error on its side: try again later.");
    }

    // ---- retries: asking for a token twice changes nothing ----

    @Test
    void aServiceUnavailableTokenRequestIsRetriedAfterTheBackoff() throws Exception {
        server.enqueue(response(CannedAnswer.empty(503).withHeader("Retry-After", "0")));
        server.enqueue(issued(TOKEN));

        Secret token = client(authority(), clientSecret(), 2).token();

        assertThat(token.reveal()).isEqualTo(TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        String first = server.takeRequest().getBody().utf8();
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo(first);
    }

    @Test
    void aTokenRequestCutOffMidAnswerIsRepeatedBecauseItIsRepeatable() throws Exception {
        server.enqueue(response(CannedAnswer.resetConnection()));
        server.enqueue(issued(TOKEN));

        Secret token = client(authority(), clientSecret(), 1).token();

        assertThat(token.reveal()).isEqualTo(TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anUnreachableAuthorityIsReportedAndRemembered() throws IOException {
        int closedPort = ClosedPort.number();
        EntraTokenClient client =
                client(AuthorityHost.parse("http://127.0.0.1:" + closedPort + "/", "authorityHost"), clientSecret(), 0);

        OperationFailure failure = NoToken.from(client);

        assertThat(failure).isInstanceOf(UnreachableException.class);
        assertThat(failure.detail()).startsWith("could not connect to 127.0.0.1:" + closedPort);
        assertThat(NoToken.from(client)).isSameAs(failure);
    }

    // ---- secrets ----

    @Test
    void theIssuedTokenIsMaskedFromTheMomentItArrives() throws Exception {
        server.enqueue(issued(TOKEN));

        client().token();

        assertThat(masker.mask("Authorization: Bearer " + TOKEN)).isEqualTo("Authorization: Bearer ****");
    }

    @Test
    void theDebugLogShowsNeitherTheSecretNorTheToken() throws Exception {
        server.enqueue(response(CannedAnswer.empty(503)));
        server.enqueue(issued(TOKEN));

        client(authority(), clientSecret(), 1).token();

        assertThat(log.text())
                .contains("-> POST http://127.0.0.1:" + server.getPort() + "/" + TENANT + "/oauth2/v2.0/token")
                .contains("<- 200 OK for POST")
                .contains("(body withheld: it holds a credential)")
                .doesNotContain(TOKEN)
                .doesNotContain(SECRET)
                .doesNotContain(SECRET_IN_FORM);
    }

    @Test
    void theDebugLogOfARefusedFederatedTokenDoesNotShowTheAssertion() {
        server.enqueue(invalidClient());

        NoToken.from(client(federatedToken()));

        assertThat(log.text())
                .contains("<- 401 Unauthorized for POST")
                .contains("AADSTS7000215")
                .doesNotContain(ASSERTION);
    }

    // ---- what a dry run and the log say ----

    @Test
    void aDryRunShowsTheTokenRequestMaskedAndSendsNothing() {
        List<String> standard = List.of(
                "Accept: application/json",
                "User-Agent: " + UserAgent.value(),
                "Content-Type: application/x-www-form-urlencoded");
        String url = "http://127.0.0.1:" + server.getPort() + "/" + TENANT + "/oauth2/v2.0/token";

        PlannedRequest secret = client().plan().orElseThrow();
        PlannedRequest federated = client(federatedToken()).plan().orElseThrow();

        assertThat(secret.method()).isEqualTo("POST");
        assertThat(secret.url()).isEqualTo(url);
        assertThat(secret.note()).isEqualTo("once per execution, for the token");
        assertThat(secret.headers())
                .containsExactlyElementsOf(concat(
                        standard,
                        "body: grant_type=client_credentials&client_id=" + CLIENT_ID + "&scope=" + SCOPE
                                + "&client_secret=****"));
        assertThat(federated.headers())
                .containsExactlyElementsOf(concat(
                        standard,
                        "body: grant_type=client_credentials&client_id="
                                + CLIENT_ID + "&scope=" + SCOPE
                                + "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                                + "&client_assertion=****"));
        assertThat(server.getRequestCount()).isZero();
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    @Test
    void describeAndToStringNameTheIdentityButNoSecret() {
        assertThat(client().describe())
                .isEqualTo("a client secret of client '" + CLIENT_ID + "' in tenant '" + TENANT
                        + "' (from clientSecret (-Dfleet.clientSecret)), through 127.0.0.1");
        assertThat(client(federatedToken()).describe())
                .isEqualTo("a federated token (workload identity) of client '" + CLIENT_ID + "' in tenant '" + TENANT
                        + "' (from the AZURE_FEDERATED_TOKEN_FILE environment variable), through 127.0.0.1");
        assertThat(client().toString()).isEqualTo("EntraTokenClient[client " + CLIENT_ID + ", tenant " + TENANT + "]");
        assertThat(clientSecret().toString()).isEqualTo("ClientSecret[from clientSecret (-Dfleet.clientSecret)]");
        assertThat(federatedToken().toString())
                .isEqualTo("FederatedToken[from the AZURE_FEDERATED_TOKEN_FILE environment variable]");
    }

    @Test
    void aReadyTokenNeedsNoRequest() {
        ReadyToken ready = new ReadyToken(Secret.of(TOKEN), "the AZURE_ACCESS_TOKEN environment variable");

        assertThat(ready.token().reveal()).isEqualTo(TOKEN);
        assertThat(ready.plan()).isEmpty();
        assertThat(ready.describe())
                .isEqualTo("a ready access token (from the AZURE_ACCESS_TOKEN environment variable)");
        assertThat(ready.toString()).doesNotContain(TOKEN);
    }
}
