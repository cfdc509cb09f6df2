package dev.fleetdeploy.testing;

import static dev.fleetdeploy.testing.AzureIds.SCOPE;
import static dev.fleetdeploy.testing.AzureIds.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake Entra ID over real loopback HTTP: tokens it issues, errors it answers, and a FakeAdu that trusts it. */
class FakeEntraTest {
    private static final String CLIENT = "0f1e2d3c-client";
    private static final String SECRET = "s3cr3t~Value.0123456789";
    private static final String FEDERATED = "fed-client";
    private static final String ASSERTION = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMifQ.c2ln";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeClient client = new FakeClient();
    private FakeEntra entra;

    @BeforeEach
    void start() {
        entra = FakeEntra.start().client(TENANT, CLIENT, SECRET).federatedClient(TENANT, FEDERATED, ASSERTION);
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    @Test
    void theAuthorityHostIsTheUrlWithASlash() {
        assertThat(entra.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(entra.authorityHost()).isEqualTo(entra.url() + "/");
        assertThat(entra.tokenUrl("t")).isEqualTo(entra.url() + "/t/oauth2/v2.0/token");
    }

    @Test
    void aClientSecretGetsABearerToken() throws Exception {
        HttpResponse<String> response = post(TENANT, secretForm());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body())
                .matches("\\{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"fake-entra-token-1-[0-9a-f]{16}\"}");
        assertThat(entra.issuedTokens())
                .containsExactly(json(response).get("access_token").asText());
    }

    @Test
    void aFederatedAssertionGetsABearerTokenAndEveryTokenIsNew() throws Exception {
        Map<String, String> form = form(FEDERATED);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", ASSERTION);

        HttpResponse<String> first = post(TENANT, form);
        HttpResponse<String> second = post(TENANT, form);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(entra.issuedTokens()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aTrustingFakeAduAcceptsTheIssuedTokenAndNoOther() throws Exception {
        try (FakeAdu adu = FakeAdu.start().trust(entra).deployment("TestGroup", "dep1", List.of("dc1"))) {
            String token = json(post(TENANT, secretForm())).get("access_token").asText();
            String cancel =
                    adu.url() + "/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc1/deployments/"
                            + "dep1:cancel?api-version=2022-10-01";

            HttpResponse<String> refused =
                    client.send("POST", cancel, "Authorization", "Bearer fake-entra-token-1-0000000000000000");
            HttpResponse<String> accepted = client.send("POST", cancel, "Authorization", "Bearer " + token);

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(adu.subgroupState("dep1", "dc1")).isEqualTo("Canceled");
        }
    }

    @Test
    void aWrongSecretIs401InvalidClientInEntrasShapeWithoutTheSecret() throws Exception {
        Map<String, String> form = secretForm();
        form.put("client_secret", "wrong-secret-value");

        HttpResponse<String> response = post(TENANT, form);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode error = json(response);
        assertThat(fieldNames(error))
                .containsExactly(
                        "error",
                        "error_description",
                        "error_codes",
                        "timestamp",
                        "trace_id",
                        "correlation_id",
                        "error_uri");
        assertThat(error.get("error").asText()).isEqualTo("invalid_client");
        assertThat(error.get("error_codes").toString()).isEqualTo("[7000215]");
        assertThat(error.get("error_uri").asText()).isEqualTo("https://login.microsoftonline.com/error?code=7000215");
        assertThat(error.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(error.get("trace_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(error.get("error_description").asText())
                .isEqualTo("AADSTS7000215: Invalid client secret provided."
                        + " Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a"
                        + " secret added to app '" + CLIENT + "'.\r\nTrace ID: "
                        + error.get("trace_id").asText()
                        + "\r\nCorrelation ID: " + error.get("correlation_id").asText()
                        + "\r\nTimestamp: " + error.get("timestamp").asText());
        assertThat(response.headers().firstValue("x-ms-request-id"))
                .hasValue(error.get("trace_id").asText());
        assertThat(response.body()).doesNotContain("wrong-secret-value", SECRET);
        assertThat(entra.issuedTokens()).isEmpty();
    }

    @Test
    void theCorrelationIdIsTheClientsRequestId() throws Exception {
        Map<String, String> form = secretForm();
        form.put("client_secret", "wrong");

        HttpResponse<String> response = client.postForm(
                entra.tokenUrl(TENANT), encode(form), "client-request-id", "c0ffee00-0000-4000-8000-000000000001");

        assertThat(json(response).get("correlation_id").asText()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    }

    @Test
    void anUnknownTenantIs400InvalidRequest90002() throws Exception {
        HttpResponse<String> response = post("no-such-tenant", secretForm());

        assertError(response, 400, "invalid_request", 90002, "Tenant 'no-such-tenant' not found.");
    }

    @Test
    void anUnknownClientIs400UnauthorizedClient700016() throws Exception {
        HttpResponse<String> response = post(TENANT, form("nobody"));

        assertError(
                response,
                400,
                "unauthorized_client",
                700016,
                "Application with identifier 'nobody' was not found in the" + " directory '" + TENANT + "'.");
    }

    @Test
    void aWrongAssertionIs400InvalidClient700211WithoutTheAssertion() throws Exception {
        Map<String, String> form = form(FEDERATED);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", "eyJ.other-assertion.sig");

        HttpResponse<String> response = post(TENANT, form);

        assertError(response, 400, "invalid_client", 700211, "No matching federated identity record found");
        assertThat(response.body()).doesNotContain("other-assertion", ASSERTION);
    }

    @Test
    void aSecretForAFederatedClientIsAWrongSecret() throws Exception {
        Map<String, String> form = form(FEDERATED);
        form.put("client_secret", SECRET);

        HttpResponse<String> response = post(TENANT, form);

        assertError(response, 401, "invalid_client", 7000215, "Invalid client secret provided.");
        assertThat(response.body()).doesNotContain(SECRET);
    }

    /**
     * Forms the endpoint refuses: a client's form with one field set (or, with no value, left out), and Entra ID's
     * status, error, AADSTS code and the words of its description.
     */
    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "secret    | scope                 | https://management.azure.com/.default | 400 | invalid_scope   | 70011"
                        + " | The provided value for the input parameter 'scope' is not valid.",
                "secret    | scope                 |          | 400 | invalid_scope   | 70011"
                        + " | The provided request must include a 'scope' input parameter.",
                "secret    | grant_type            | password | 400 | invalid_request | 70003 | unsupported grant type 'password'",
                "secret    | grant_type            |          | 400 | invalid_request | 900144 | parameter: 'grant_type'",
                "secret    | client_id             |          | 400 | invalid_request | 900144 | parameter: 'client_id'",
                "federated | client_assertion      | " + ASSERTION
                        + " | 400 | invalid_request | 900144 | parameter: 'client_assertion_type'",
                "neither   | scope                 | " + SCOPE
                        + " | 401 | invalid_client  | 7000218 | 'client_assertion' or 'client_secret'",
            })
    void aFormWithAWrongOrMissingFieldIsRefused(
            String credential, String field, String value, int status, String error, int aadsts, String text)
            throws Exception {
        Map<String, String> form = switch (credential) {
            case "secret" -> secretForm();
            case "federated" -> form(FEDERATED);
            default -> form(CLIENT);
        };
        if (value == null) {
            form.remove(field);
        } else {
            form.put(field, value);
        }

        assertError(post(TENANT, form), status, error, aadsts, text);
        assertThat(entra.issuedTokens()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAFormIsMissingItsGrantTypeAndAGetIsRefused() throws Exception {
        HttpResponse<String> jsonBody =
                client.post(entra.tokenUrl(TENANT), "application/json", "{\"grant_type\":\"client_credentials\"}");
        HttpResponse<String> get = client.send("GET", entra.tokenUrl(TENANT));
        HttpResponse<String> elsewhere = client.send("POST", entra.url() + "/" + TENANT + "/oauth2/token");

        assertError(jsonBody, 400, "invalid_request", 900144, "parameter: 'grant_type'");
        assertError(get, 400, "invalid_request", 900561, "Received a GET request.");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void forcedAnswersReplaceTheTokenEndpointsOnceOrAlways() throws Exception {
        entra.answerOnce(
                        FakeEntra.error(401, "invalid_client", 7000222, "The provided client secret keys are expired."))
                .answerOnce(CannedAnswer.empty(503));

        HttpResponse<String> expired = post(TENANT, secretForm());
        HttpResponse<String> unavailable = post(TENANT, secretForm());
        HttpResponse<String> issued = post(TENANT, secretForm());
        entra.answerAlways(CannedAnswer.html(502, "502 Bad Gateway"));
        HttpResponse<String> gateway = post(TENANT, secretForm());

        assertError(expired, 401, "invalid_client", 7000222, "The provided client secret keys are expired.");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(gateway.statusCode()).isEqualTo(502);
        assertThat(entra.issuedTokens()).hasSize(1);
    }

    @Test
    void recordsEveryRequestWithItsFormBody() throws Exception {
        post(TENANT, secretForm());
        post("other", secretForm());

        List<ReceivedRequest> requests = entra.tokenRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).method()).isEqualTo("POST");
        assertThat(requests.get(0).path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        assertThat(requests.get(0).header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(FormBody.parse(requests.get(0).body()).fields()).isEqualTo(secretForm());
        assertThat(requests.get(1).path()).isEqualTo("/other/oauth2/v2.0/token");
    }

    private void assertError(HttpResponse<String> response, int status, String error, int aadsts, String text)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_codes").toString()).isEqualTo("[" + aadsts + "]");
        assertThat(body.get("error_description").asText())
                .startsWith("AADSTS" + aadsts + ": ")
                .contains(text)
                .contains("\r\nTrace ID: ", "\r\nCorrelation ID: ", "\r\nTimestamp: ");
        assertThat(body.get("error_uri").asText()).isEqualTo("https://login.microsoftonline.com/error?code=" + aadsts);
    }

    private static Map<String, String> form(String clientId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("scope", SCOPE);
        return form;
    }

    private static Map<String, String> secretForm() {
        Map<String, String> form = form(CLIENT);
        form.put("client_secret", SECRET);
        return form;
    }

    private HttpResponse<String> post(String tenant, Map<String, String> form)
            throws IOException, InterruptedException {
        return client.postForm(entra.tokenUrl(tenant), encode(form));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
