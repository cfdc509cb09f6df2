package dev.fleetdeploy.adu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerCredentials;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.entra.AzureCredential;
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.ReadyToken;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An ADU target's settings and credentials, as a user writes them, resolved and checked before anything is sent. */
class AduConfigTest {
    private static final Function<String, String> NAMING = p -> p + " (-Dfleet." + p + ")";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhZHUifQ.c2lnbmF0dXJl";
    private static final String ENV_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.ZW52LXRva2Vu.ZW52c2ln";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String SECRET = "Zx8Q~param.secret-value-0123456789";
    private static final String SERVER_SECRET = "Qw7Q~server.secret-value-0123456789";
    private static final String ENV_SECRET = "Er6Q~env.secret-value-0123456789";
    private static final String ASSERTION =
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMifQ.c2lnLWZlZA";
    private static final ServerLookup SERVERS = id -> switch (id) {
        case "adu-prod" -> Optional.of(new ServerCredentials("adu-prod", "server-client-id", Secret.of(SERVER_SECRET)));
        case "adu-username-only" -> Optional.of(new ServerCredentials("adu-username-only", "server-client-id", null));
        default -> Optional.empty();
    };

    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final SecretMasker masker = new SecretMasker();

    @TempDir
    Path folder;

    @BeforeEach
    void aTargetWithAReadyToken() {
        parameters.put("account", "contoso");
        parameters.put("instance", "blue");
        parameters.put("groupId", "TestGroup");
        parameters.put("accessToken", TOKEN);
    }

    private AduConfig resolve() {
        TargetSettings target = TestTargets.of(null, parameters, TestIds.NONE, NAMING);
        return AduConfig.resolve(target.common(), target.adu(), Environment.of(environment), SERVERS, masker);
    }

    private ConfigurationException refusal() {
        return catchThrowableOfType(ConfigurationException.class, this::resolve);
    }

    private AzureCredential credential() {
        return resolve().credential();
    }

    private ClientCredential client() {
        return (ClientCredential) credential();
    }

    private void noToken() {
        parameters.remove("accessToken");
    }

    /** A client secret with its client and tenant ids, from parameters, in place of the ready token. */
    private void clientSecretInParameters() {
        noToken();
        parameters.put("clientId", CLIENT_ID);
        parameters.put("clientSecret", SECRET);
        parameters.put("tenantId", TENANT_ID);
    }

    /** The app's client and tenant ids, from AZURE_CLIENT_ID and AZURE_TENANT_ID. */
    private void appIdsInEnvironment() {
        environment.put("AZURE_CLIENT_ID", CLIENT_ID);
        environment.put("AZURE_TENANT_ID", TENANT_ID);
    }

    private void assertRefused(String message) {
        assertThat(refusal()).hasMessage(message);
    }

    private Path tokenFile(String content) throws IOException {
        Path file = folder.resolve("azure-identity-token");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String secretOf(AzureCredential credential) {
        if (credential instanceof ReadyToken ready) {
            return ready.token().reveal();
        }
        ClientCredential.Proof proof = ((ClientCredential) credential).proof();
        return proof instanceof ClientCredential.ClientSecret secret
                ? secret.secret().reveal()
                : ((ClientCredential.FederatedToken) proof).assertion().reveal();
    }

    private static String originOf(AzureCredential credential) {
        return credential instanceof ReadyToken ready
                ? ready.origin()
                : ((ClientCredential) credential).proof().origin();
    }

    // ---- where requests go ----

    @Test
    void anAccountNameBecomesItsHostUnderApiAduMicrosoftCom() {
        AduConfig config = resolve();

        assertThat(config.host()).isEqualTo("contoso.api.adu.microsoft.com");
        assertThat(config.baseUrl()).hasToString("https://contoso.api.adu.microsoft.com/");
        assertThat(config.baseUrlOverridden()).isFalse();
        assertThat(config.instance()).isEqualTo("blue");
        assertThat(config.groupId()).isEqualTo("TestGroup");
        assertThat(config.deviceClassId()).isNull();
        assertThat(config.version()).isEqualTo(AduApiVersion.defaultVersion());
        assertThat(config.location())
                .isEqualTo("contoso.api.adu.microsoft.com, instance 'blue', group 'TestGroup', API 2026-06-01");
    }

    @Test
    void accountNamesAreLowerCased() {
        parameters.put("account", "Contoso-East");
        assertThat(resolve().host()).isEqualTo("contoso-east.api.adu.microsoft.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "contoso.api.adu.microsoft.com, contoso.api.adu.microsoft.com",
        "Contoso-1.api.prod.adu.microsoft.com, contoso-1.api.prod.adu.microsoft.com",
        "adu-gw.internal.example, adu-gw.internal.example",
    })
    void anEndpointIsTakenAsTheFullHostName(String endpoint, String host) {
        parameters.remove("account");
        parameters.put("endpoint", endpoint);

        AduConfig config = resolve();

        assertThat(config.host()).isEqualTo(host);
        assertThat(config.baseUrl()).hasToString("https://" + host + "/");
    }

    @Test
    void endpointAndAccountTogetherAreRefused() {
        parameters.put("endpoint", "contoso.api.adu.microsoft.com");

        assertRefused("Both endpoint (-Dfleet.endpoint) ('contoso.api.adu.microsoft.com') and account"
                + " (-Dfleet.account) ('contoso') are set: set only one of them.");
    }

    @Test
    void neitherEndpointNorAccountIsRefused() {
        parameters.remove("account");

        assertRefused("No Azure Device Update account: set endpoint (-Dfleet.endpoint) to the account's host name"
                + " (contoso.api.adu.microsoft.com), or account (-Dfleet.account) to its name.");
    }

    @Test
    void aBaseUrlAloneIsEnough() {
        parameters.remove("account");
        parameters.put("baseUrl", "http://127.0.0.1:8089");

        AduConfig config = resolve();

        assertThat(config.host()).isNull();
        assertThat(config.baseUrl()).hasToString("http://127.0.0.1:8089/");
        assertThat(config.baseUrlOverridden()).isTrue();
        assertThat(config.location())
                .isEqualTo("http://127.0.0.1:8089, instance 'blue', group 'TestGroup', API 2026-06-01");
    }

    @Test
    void aBaseUrlReplacesTheAccountsHostAndSaysSo() {
        parameters.put("baseUrl", "https://adu-gateway.example:8443");

        AduConfig config = resolve();

        assertThat(config.baseUrl()).hasToString("https://adu-gateway.example:8443/");
        assertThat(config.location())
                .isEqualTo("https://adu-gateway.example:8443 (in place of contoso.api.adu.microsoft.com),"
                        + " instance 'blue', group 'TestGroup', API 2026-06-01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://contoso.api.adu.microsoft.com|has a scheme",
                "contoso.api.adu.microsoft.com/deviceupdate/blue|has a path",
                "contoso.api.adu.microsoft.com:443|has a port",
                "admin@contoso.api.adu.microsoft.com|has user info",
                "contoso.api.adu.microsoft.com#x|has a '#'",
                "contoso.api.adu.microsoft.com?x=1|has a '?'",
                "contoso api.adu.microsoft.com|contains a space or control character",
                "-contoso.api.adu.microsoft.com|is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)",
                "contoso..api.adu.microsoft.com|is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)",
                "contoso_1.api.adu.microsoft.com|is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)",
            })
    void malformedEndpointsAreRefusedWithWhatIsWrong(String endpoint, String problem) {
        parameters.remove("account");
        parameters.put("endpoint", endpoint);

        assertRefused(
                "The endpoint '" + endpoint + "' in endpoint (-Dfleet.endpoint) " + problem
                        + ": give the account's host name only, such as contoso.api.adu.microsoft.com (baseUrl replaces the whole https://host:port).");
    }

    @Test
    void anAccountWithDotsPointsToEndpoint() {
        parameters.put("account", "contoso.api.adu.microsoft.com");
        assertRefused(
                "The account 'contoso.api.adu.microsoft.com' in account (-Dfleet.account) is not an ADU account"
                        + " name (for a full host name, set endpoint instead): give the name alone, letters, digits and hyphens, such as contoso.");

        parameters.put("account", "con toso");
        assertRefused("The account 'con toso' in account (-Dfleet.account) is not an ADU account"
                + " name: give the name alone, letters, digits and hyphens, such as contoso.");
    }

    // ---- instance, group, device class ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a/b", "..", "%2F", "blue instance", "a?b", "a#b", "-blue"})
    void instancesThatCouldChangeThePathAreRefused(String instance) {
        parameters.put("instance", instance);

        assertRefused(
                "The instance '" + instance + "' in instance (-Dfleet.instance) is not an ADU instance name:"
                        + " give the name alone (letters, digits, '-', '_' or '.'), as the Azure portal shows it; it must not hold '/', '?', '#', '%' or spaces.");
    }

    @Test
    void instanceNamesWithHyphensUnderscoresAndDotsAreAccepted() {
        parameters.put("instance", "Blue-instance_2.eu");
        assertThat(resolve().instance()).isEqualTo("Blue-instance_2.eu");
    }

    @Test
    void anInstanceIsRequired() {
        parameters.remove("instance");
        assertRefused("No Azure Device Update instance: set instance (-Dfleet.instance) to the instance's name.");
    }

    @Test
    void aGroupIsRequiredExceptWithV2() {
        parameters.remove("groupId");
        assertRefused("No device group: set groupId (-Dfleet.groupId) to the group the deployment belongs to"
                + " (API 2026-06-01 needs one; only apiVersion=v2 works without).");

        parameters.put("apiVersion", "2021-06-01-preview");
        assertRefused("No device group: set groupId (-Dfleet.groupId) to the group the deployment belongs to"
                + " (API 2021-06-01-preview needs one; only apiVersion=v2 works without).");

        parameters.put("apiVersion", "v2");
        AduConfig config = resolve();
        assertThat(config.groupId()).isNull();
        assertThat(config.location()).isEqualTo("contoso.api.adu.microsoft.com, instance 'blue', v2 management API");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"g/h", "g\\h", "..", "."})
    void groupsThatCouldChangeThePathAreRefused(String groupId) {
        parameters.put("groupId", groupId);

        assertRefused("The groupId '" + groupId + "' in groupId (-Dfleet.groupId) is not a valid groupId: give the id"
                + " as the Azure portal shows it, without '/', '\\', control characters or '..'.");
    }

    @Test
    void aGroupWithAControlCharacterIsShownEscaped() {
        parameters.put("groupId", "Test\u0007Group");
        assertThat(refusal().getMessage())
                .startsWith("The groupId 'Test\\u0007Group' in groupId (-Dfleet.groupId) is not a valid groupId");
    }

    @Test
    void groupsWithSpacesAndPercentSignsAreAcceptedToBeEncoded() {
        parameters.put("groupId", "Test Group %2F");
        assertThat(resolve().groupId()).isEqualTo("Test Group %2F");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2", "2021-06-01-preview"})
    void aDeviceClassNeedsAGaVersion(String apiVersion) {
        parameters.put("apiVersion", apiVersion);
        parameters.put("deviceClassId", "dc");

        assertRefused(
                "deviceClassId (-Dfleet.deviceClassId) is 'dc', but apiVersion " + apiVersion + " acts on whole"
                        + " deployments, not one device class: remove deviceClassId, or use a GA apiVersion such as 2022-10-01.");
    }

    @Test
    void aDeviceClassIsCheckedLikeAGroup() {
        parameters.put("deviceClassId", "dc/../x");
        assertRefused(
                "The deviceClassId 'dc/../x' in deviceClassId (-Dfleet.deviceClassId) is not a valid"
                        + " deviceClassId: give the id as the Azure portal shows it, without '/', '\\', control characters or '..'.");

        parameters.put("deviceClassId", "31ee8c56559847429fbe86e3e87f99b6");
        AduConfig config = resolve();
        assertThat(config.deviceClassId()).isEqualTo("31ee8c56559847429fbe86e3e87f99b6");
        assertThat(config.location()).endsWith(", device class '31ee8c56559847429fbe86e3e87f99b6', API 2026-06-01");
    }

    // ---- apiVersion ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "v2, V2, v2",
        "V2, V2, v2",
        "2021-06-01-preview, GROUP_ACTION, 2021-06-01-preview",
        "2022-10-01, SUBGROUP_ACTION, 2022-10-01",
        "2023-10-01-preview, SUBGROUP_ACTION, 2023-10-01-preview",
        "2026-06-01, SUBGROUP_ACTION, 2026-06-01",
        "2027-01-01, SUBGROUP_ACTION, 2027-01-01",
    })
    void knownAndLaterApiVersionsAreAccepted(String written, AduApiVersion.Generation generation, String sent) {
        parameters.put("apiVersion", written);

        assertThat(resolve().version()).isEqualTo(new AduApiVersion(generation, sent));
    }

    @Test
    void theSeedsDatedVersionPointsToV2() {
        parameters.put("apiVersion", "2020-09-01");

        assertRefused("Unknown Azure Device Update apiVersion '2020-09-01' in apiVersion (-Dfleet.apiVersion)"
                + " (the 2020 v2 management API is apiVersion=v2): use v2, 2021-06-01-preview, or a GA-shaped"
                + " version such as 2026-06-01 (the default), 2023-10-01-preview, 2022-10-01 or 2022-07-01-preview.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"latest", "v3", "2022-09-01", "2021-06-01", "2022-10-01-beta", "22-10-01", "2022/10/01"})
    void otherApiVersionsAreRefused(String apiVersion) {
        parameters.put("apiVersion", apiVersion);

        assertRefused(
                "Unknown Azure Device Update apiVersion '" + apiVersion
                        + "' in apiVersion (-Dfleet.apiVersion):"
                        + " use v2, 2021-06-01-preview, or a GA-shaped version such as 2026-06-01 (the default), 2023-10-01-preview, 2022-10-01 or 2022-07-01-preview.");
    }

    // ---- a ready token ----

    @Test
    void aReadyTokenFromTheParameter() {
        environment.put("AZURE_ACCESS_TOKEN", ENV_TOKEN);

        ReadyToken token = (ReadyToken) credential();

        assertThat(token.token().reveal()).isEqualTo(TOKEN);
        assertThat(token.origin()).isEqualTo("accessToken (-Dfleet.accessToken)");
        assertThat(token.describe()).isEqualTo("a ready access token (from accessToken (-Dfleet.accessToken))");
    }

    @Test
    void aReadyTokenFromAzureAccessToken() {
        noToken();
        environment.put("AZURE_ACCESS_TOKEN", ENV_TOKEN);

        ReadyToken token = (ReadyToken) credential();

        assertThat(token.token().reveal()).isEqualTo(ENV_TOKEN);
        assertThat(token.origin()).isEqualTo("the AZURE_ACCESS_TOKEN environment variable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER\t", "Bearer   "})
    void aPastedBearerPrefixIsDropped(String prefix) {
        parameters.put("accessToken", prefix + TOKEN);
        assertThat(secretOf(credential())).isEqualTo(TOKEN);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eyJ0 eXAi", "eyJ0\neXAi", "eyJ0\u00e9XAi", "eyJ0\u0000XAi"})
    void aTokenThatCannotBeSentInAHeaderIsRefusedWithoutShowingIt(String token) {
        parameters.put("accessToken", token);

        assertRefused("The access token from accessToken (-Dfleet.accessToken) contains a space, line break or other"
                + " character that cannot be sent in an HTTP header: copy the token again.");
    }

    // ---- a client secret ----

    @Test
    void aClientSecretFromParameters() {
        clientSecretInParameters();

        ClientCredential client = client();

        assertThat(client.clientId()).isEqualTo(CLIENT_ID);
        assertThat(client.tenantId()).isEqualTo(TENANT_ID);
        assertThat(client.authorityHost()).hasToString("https://login.microsoftonline.com/");
        assertThat(client.tokenUrl())
                .hasToString("https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/v2.0/token");
        assertThat(secretOf(client)).isEqualTo(SECRET);
        assertThat(originOf(client)).isEqualTo("clientSecret (-Dfleet.clientSecret)");
    }

    @Test
    void aClientSecretFromTheSettingsServerWithItsUsernameAsClientId() {
        noToken();
        parameters.put("serverId", "adu-prod");
        environment.put("AZURE_TENANT_ID", TENANT_ID);

        ClientCredential client = client();

        assertThat(client.clientId()).isEqualTo("server-client-id");
        assertThat(secretOf(client)).isEqualTo(SERVER_SECRET);
        assertThat(originOf(client)).isEqualTo("the <password> of server 'adu-prod' in settings.xml");
        assertThat(client.tenantId()).isEqualTo(TENANT_ID);
    }

    @Test
    void aClientSecretFromTheEnvironment() {
        noToken();
        appIdsInEnvironment();
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);

        ClientCredential client = client();

        assertThat(client.clientId()).isEqualTo(CLIENT_ID);
        assertThat(secretOf(client)).isEqualTo(ENV_SECRET);
        assertThat(originOf(client)).isEqualTo("the AZURE_CLIENT_SECRET environment variable");
    }

    @Test
    void anUnknownServerIdIsRefused() {
        parameters.put("serverId", "adu-typo");

        assertRefused("serverId (-Dfleet.serverId) is 'adu-typo', but settings.xml has no <server> with that id:"
                + " add one (<username> the client id, <password> the client secret) or correct the id.");
    }

    @Test
    void eachValueComesFromTheParameterThenTheServerThenTheEnvironment() {
        noToken();
        parameters.put("serverId", "adu-prod");
        parameters.put("tenantId", TENANT_ID);
        environment.put("AZURE_CLIENT_ID", "env-client-id");
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);

        assertThat(client().clientId()).isEqualTo("server-client-id");
        assertThat(secretOf(client())).isEqualTo(SERVER_SECRET);

        parameters.put("clientId", "param-client-id");
        parameters.put("clientSecret", SECRET);
        assertThat(client().clientId()).isEqualTo("param-client-id");
        assertThat(secretOf(client())).isEqualTo(SECRET);

        parameters.remove("serverId");
        parameters.remove("clientId");
        parameters.remove("clientSecret");
        assertThat(client().clientId()).isEqualTo("env-client-id");
        assertThat(secretOf(client())).isEqualTo(ENV_SECRET);
    }

    @Test
    void aServerWithoutPasswordLendsItsUsernameToASecretFromTheEnvironment() {
        noToken();
        parameters.put("serverId", "adu-username-only");
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);
        environment.put("AZURE_TENANT_ID", TENANT_ID);

        ClientCredential client = client();

        assertThat(client.clientId()).isEqualTo("server-client-id");
        assertThat(originOf(client)).isEqualTo("the AZURE_CLIENT_SECRET environment variable");
    }

    @Test
    void aClientSecretNeedsAClientId() {
        noToken();
        parameters.put("clientSecret", SECRET);
        parameters.put("tenantId", TENANT_ID);

        assertRefused("No client id to go with the client secret from clientSecret (-Dfleet.clientSecret): set clientId"
                + " (-Dfleet.clientId), the <username> of the serverId server, or AZURE_CLIENT_ID.");
    }

    @Test
    void aClientSecretNeedsATenantId() {
        noToken();
        environment.put("AZURE_CLIENT_ID", CLIENT_ID);
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);

        assertRefused(
                "No tenant id to go with the client secret from the AZURE_CLIENT_SECRET environment variable:"
                        + " set tenantId (-Dfleet.tenantId) or AZURE_TENANT_ID to the directory (tenant) id of the app registration.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"contoso/../common", "contoso.onmicrosoft.com?x=1", "-contoso", "contoso tenant"})
    void aTenantIdThatIsNoneIsRefused(String tenantId) {
        clientSecretInParameters();
        parameters.put("tenantId", tenantId);

        assertRefused("The tenant id '" + tenantId + "' from tenantId (-Dfleet.tenantId) is not a tenant id: give the"
                + " directory (tenant) id, a GUID, or the tenant's domain name.");
    }

    @Test
    void aTenantDomainNameIsAccepted() {
        clientSecretInParameters();
        parameters.put("tenantId", "contoso.onmicrosoft.com");

        assertThat(client().tokenUrl())
                .hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    }

    @Test
    void aClientIdWithASpaceIsRefused() {
        clientSecretInParameters();
        parameters.put("clientId", "1111 2222");

        assertRefused("The client id from clientId (-Dfleet.clientId) contains a space or control character:"
                + " give the application (client) id, a GUID.");
    }

    // ---- a federated token file ----

    private void federated(String file) {
        noToken();
        parameters.put("federatedTokenFile", file);
        parameters.put("clientId", CLIENT_ID);
        parameters.put("tenantId", TENANT_ID);
    }

    @Test
    void aFederatedTokenFileIsReadOnceAndStripped() throws IOException {
        federated(tokenFile(ASSERTION + "\n").toString());

        ClientCredential client = client();

        assertThat(client.proof()).isInstanceOf(ClientCredential.FederatedToken.class);
        assertThat(secretOf(client)).isEqualTo(ASSERTION);
        assertThat(originOf(client)).isEqualTo("federatedTokenFile (-Dfleet.federatedTokenFile)");
    }

    @Test
    void aFederatedTokenFileFromTheEnvironment() throws IOException {
        noToken();
        environment.put("AZURE_FEDERATED_TOKEN_FILE", tokenFile(ASSERTION).toString());
        appIdsInEnvironment();

        ClientCredential client = client();

        assertThat(secretOf(client)).isEqualTo(ASSERTION);
        assertThat(originOf(client)).isEqualTo("the AZURE_FEDERATED_TOKEN_FILE environment variable");
    }

    @Test
    void aMissingFederatedTokenFileIsRefused() {
        String file = folder.resolve("not-written-yet").toString();
        federated(file);

        assertRefused("The federated token file '" + file + "' from federatedTokenFile (-Dfleet.federatedTokenFile)"
                + " does not exist or is not a file: check the path, and that the step that writes the token (workload identity, OIDC)"
                + " ran before this one.");
    }

    @Test
    void aFolderIsNoFederatedTokenFile() {
        federated(folder.toString());
        assertThat(refusal().getMessage()).contains("does not exist or is not a file");
    }

    @Test
    void anEmptyFederatedTokenFileIsRefused() throws IOException {
        String file = tokenFile(" \n").toString();
        federated(file);

        assertRefused("The federated token file '" + file + "' from federatedTokenFile (-Dfleet.federatedTokenFile)"
                + " is empty: check that the step that writes the token ran before this one.");
    }

    @Test
    void aFederatedTokenFileOver64KbIsRefusedUnread() throws IOException {
        String file = tokenFile("a".repeat((int) AduCredentials.MAX_TOKEN_FILE_BYTES + 1))
                .toString();
        federated(file);

        assertRefused("The federated token file '" + file + "' from federatedTokenFile (-Dfleet.federatedTokenFile)"
                + " is larger than 64 KB, which no federated token is: check the path.");
    }

    @Test
    void aFederatedTokenFileOfExactly64KbIsRead() throws IOException {
        federated(
                tokenFile("a".repeat((int) AduCredentials.MAX_TOKEN_FILE_BYTES)).toString());
        assertThat(secretOf(client())).hasSize(64 * 1024);
    }

    @Test
    void aFederatedTokenNeedsTheClientAndTenantIds() throws IOException {
        federated(tokenFile(ASSERTION).toString());
        parameters.remove("tenantId");

        assertRefused("No tenant id to go with the federated token file from federatedTokenFile"
                + " (-Dfleet.federatedTokenFile): set tenantId (-Dfleet.tenantId) or AZURE_TENANT_ID to the directory (tenant) id of the"
                + " app registration.");

        parameters.put("tenantId", TENANT_ID);
        parameters.remove("clientId");
        assertThat(refusal().getMessage())
                .startsWith("No client id to go with the federated token file from federatedTokenFile");
    }

    // ---- which kind wins ----

    @Test
    void anExplicitParameterBeatsTheEnvironmentsOtherKinds() throws IOException {
        noToken();
        environment.put("AZURE_ACCESS_TOKEN", ENV_TOKEN);
        appIdsInEnvironment();
        parameters.put("clientSecret", SECRET);
        assertThat(originOf(credential())).isEqualTo("clientSecret (-Dfleet.clientSecret)");

        parameters.remove("clientSecret");
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);
        parameters.put("federatedTokenFile", tokenFile(ASSERTION).toString());
        assertThat(originOf(credential())).isEqualTo("federatedTokenFile (-Dfleet.federatedTokenFile)");

        parameters.put("accessToken", TOKEN);
        assertThat(credential()).isInstanceOf(ReadyToken.class);
        assertThat(secretOf(credential())).isEqualTo(TOKEN);
    }

    @Test
    void theSettingsServerBeatsAReadyTokenInTheEnvironment() {
        noToken();
        parameters.put("serverId", "adu-prod");
        parameters.put("tenantId", TENANT_ID);
        environment.put("AZURE_ACCESS_TOKEN", ENV_TOKEN);

        assertThat(originOf(credential())).isEqualTo("the <password> of server 'adu-prod' in settings.xml");

        parameters.put("accessToken", TOKEN);
        assertThat(originOf(credential())).isEqualTo("accessToken (-Dfleet.accessToken)");
    }

    @Test
    void onTheSameLevelATokenBeatsASecretWhichBeatsAFederatedTokenFile() throws IOException {
        noToken();
        appIdsInEnvironment();
        environment.put("AZURE_ACCESS_TOKEN", ENV_TOKEN);
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);
        environment.put("AZURE_FEDERATED_TOKEN_FILE", tokenFile(ASSERTION).toString());
        assertThat(originOf(credential())).isEqualTo("the AZURE_ACCESS_TOKEN environment variable");

        environment.remove("AZURE_ACCESS_TOKEN");
        assertThat(originOf(credential())).isEqualTo("the AZURE_CLIENT_SECRET environment variable");

        environment.remove("AZURE_CLIENT_SECRET");
        assertThat(originOf(credential())).isEqualTo("the AZURE_FEDERATED_TOKEN_FILE environment variable");

        environment.clear();
        parameters.put("clientId", CLIENT_ID);
        parameters.put("tenantId", TENANT_ID);
        parameters.put("accessToken", TOKEN);
        parameters.put("clientSecret", SECRET);
        parameters.put("federatedTokenFile", tokenFile(ASSERTION).toString());
        assertThat(originOf(credential())).isEqualTo("accessToken (-Dfleet.accessToken)");
        parameters.remove("accessToken");
        assertThat(originOf(credential())).isEqualTo("clientSecret (-Dfleet.clientSecret)");
    }

    @Test
    void aFederatedTokenFileThatLosesIsNeverRead() {
        // The winning token is used; the file named in the environment is not even looked at.
        environment.put("AZURE_FEDERATED_TOKEN_FILE", folder.resolve("absent").toString());
        assertThat(credential()).isInstanceOf(ReadyToken.class);
    }

    @Test
    void nothingConfiguredNamesEveryWayToAuthenticate() {
        noToken();
        // No PATH in this environment, so no az; the metadata endpoint is the test JVM's closed port (pom.xml).
        String expected = "No Azure credentials found. credential (auto) tried, in order:"
                + " a ready token (accessToken (-Dfleet.accessToken) and AZURE_ACCESS_TOKEN: not set);"
                + " a client secret (clientSecret (-Dfleet.clientSecret), the <password> of a settings.xml server named by"
                + " serverId (-Dfleet.serverId) and AZURE_CLIENT_SECRET: not set);"
                + " a client certificate (clientCertificatePath (-Dfleet.clientCertificatePath) and"
                + " AZURE_CLIENT_CERTIFICATE_PATH: not set);"
                + " workload identity (federatedTokenFile (-Dfleet.federatedTokenFile) and AZURE_FEDERATED_TOKEN_FILE: not set);"
                + " a managed identity (no IDENTITY_ENDPOINT or MSI_ENDPOINT, and the instance metadata endpoint"
                + " http://127.0.0.1:9 from the default did not answer: ";
        String end = "); the Azure CLI (az is not on the PATH). A client secret, certificate or federated token also"
                + " needs the client and tenant ids (clientId (-Dfleet.clientId) and tenantId (-Dfleet.tenantId), or"
                + " AZURE_CLIENT_ID and AZURE_TENANT_ID); or set credential (-Dfleet.credential) to the one you mean"
                + " (auto, access-token, client-secret, client-certificate, workload-identity, managed-identity, azure-cli).";
        assertThat(refusal().getMessage()).startsWith(expected).endsWith(end);

        // Ids alone, or a server without a password, are no credential either.
        parameters.put("clientId", CLIENT_ID);
        parameters.put("tenantId", TENANT_ID);
        parameters.put("serverId", "adu-username-only");
        assertThat(refusal().getMessage()).startsWith(expected).endsWith(end);
    }

    // ---- the authority host ----

    @Test
    void theAuthorityHostComesFromTheParameterThenTheEnvironmentThenTheDefault() {
        clientSecretInParameters();
        assertThat(client().authorityHost()).hasToString("https://login.microsoftonline.com/");

        environment.put("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us");
        assertThat(client().authorityHost()).hasToString("https://login.microsoftonline.us/");
        assertThat(client().tokenUrl())
                .hasToString("https://login.microsoftonline.us/" + TENANT_ID + "/oauth2/v2.0/token");

        parameters.put("authorityHost", "https://login.partner.microsoftonline.cn/");
        assertThat(client().authorityHost()).hasToString("https://login.partner.microsoftonline.cn/");
    }

    @Test
    void plainHttpToTheAuthorityHostIsOnlyForThisMachine() {
        clientSecretInParameters();
        environment.put("AZURE_AUTHORITY_HOST", "http://login.example.com/");

        assertRefused(
                "The authority host 'http://login.example.com/' in the AZURE_AUTHORITY_HOST environment variable"
                        + " uses plain http to a host that is not this machine: use https, as client secrets must not cross a network in the clear.");

        environment.put("AZURE_AUTHORITY_HOST", "http://localhost:8400");
        assertThat(client().tokenUrl()).hasToString("http://localhost:8400/" + TENANT_ID + "/oauth2/v2.0/token");
    }

    @Test
    void anAuthorityHostThatIsNoUrlOrHoldsMoreIsRefused() {
        clientSecretInParameters();
        parameters.put("authorityHost", "login.microsoftonline.com");
        assertRefused("The authority host 'login.microsoftonline.com' in authorityHost (-Dfleet.authorityHost) is not a"
                + " URL: write it as https://login.microsoftonline.com/ (or your cloud's authority).");

        parameters.put("authorityHost", "https://login.microsoftonline.com/?tenant=x");
        assertRefused("The authority host 'https://login.microsoftonline.com/?tenant=x' in authorityHost"
                + " (-Dfleet.authorityHost) holds credentials, a query or a fragment: give only its https URL, such as"
                + " https://login.microsoftonline.com/.");
    }

    // ---- secrets stay secret ----

    @Test
    void everyKindOfCredentialIsRegisteredWithTheMaskerAsSoonAsItIsFound() throws IOException {
        resolve();
        assertThat(masker.mask("a " + TOKEN + " b")).isEqualTo("a **** b");

        clientSecretInParameters();
        resolve();
        assertThat(masker.mask("secret=" + SECRET)).isEqualTo("secret=****");

        parameters.remove("clientSecret");
        parameters.put("serverId", "adu-prod");
        resolve();
        assertThat(masker.mask(SERVER_SECRET)).isEqualTo("****");

        parameters.remove("serverId");
        environment.put("AZURE_CLIENT_SECRET", ENV_SECRET);
        resolve();
        assertThat(masker.mask(ENV_SECRET)).isEqualTo("****");

        environment.clear();
        parameters.put("federatedTokenFile", tokenFile(ASSERTION).toString());
        resolve();
        assertThat(masker.mask("assertion " + ASSERTION)).isEqualTo("assertion ****");
    }

    @Test
    void aBearerPrefixedTokenIsMaskedWithoutItsPrefix() {
        parameters.put("accessToken", "Bearer " + TOKEN);
        resolve();
        assertThat(masker.mask("Authorization: Bearer " + TOKEN)).isEqualTo("Authorization: Bearer ****");
    }

    @Test
    void aSecretWhoseCompanionIsMissingIsAlreadyMaskedAndNotInTheMessage() {
        noToken();
        parameters.put("clientSecret", SECRET);

        ConfigurationException refusal = refusal();

        assertThat(refusal.getMessage()).doesNotContain(SECRET);
        assertThat(masker.mask(SECRET)).isEqualTo("****");
    }

    @Test
    void noMessageOrDescriptionShowsACredential() throws IOException {
        List<String> secrets = List.of(TOKEN, SECRET, SERVER_SECRET, ENV_SECRET, ASSERTION);
        List<String> shown = new java.util.ArrayList<>();

        AduConfig withToken = resolve();
        shown.add(withToken.toString());
        shown.add(withToken.credential().toString());
        shown.add(((ReadyToken) withToken.credential()).describe());

        clientSecretInParameters();
        AduConfig withSecret = resolve();
        shown.add(withSecret.toString());
        shown.add(withSecret.credential().toString());

        parameters.remove("clientSecret");
        parameters.put("federatedTokenFile", tokenFile(ASSERTION).toString());
        AduConfig withFile = resolve();
        shown.add(withFile.credential().toString());

        // Refusals that come after a credential was found.
        parameters.remove("tenantId");
        shown.add(refusal().getMessage());
        parameters.put("tenantId", "bad/tenant");
        shown.add(refusal().getMessage());
        parameters.put("tenantId", TENANT_ID);
        parameters.put("authorityHost", "http://login.example.com/");
        shown.add(refusal().getMessage());
        parameters.remove("authorityHost");
        parameters.remove("federatedTokenFile");
        parameters.put("serverId", "adu-prod");
        parameters.put("clientId", "bad id");
        shown.add(refusal().getMessage());
        parameters.put("accessToken", TOKEN + " x");
        shown.add(refusal().getMessage());
        shown.add(TestTargets.of(null, parameters, TestIds.NONE, NAMING).toString());

        assertThat(shown).allSatisfy(text -> assertThat(secrets).noneMatch(text::contains));
        assertThat(withSecret.credential().toString())
                .isEqualTo("ClientCredential[authorityHost=https://login.microsoftonline.com/," + " tenantId="
                        + TENANT_ID + ", clientId=" + CLIENT_ID
                        + ", proof=ClientSecret[from clientSecret (-Dfleet.clientSecret)]]");
    }

    @Test
    void unknownServerIdIsReportedBeforeAnyCredentialIsLookedAt() {
        // Even with a ready token, a serverId that names nothing is a mistake worth reporting.
        parameters.put("serverId", "adu-typo");
        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("serverId (-Dfleet.serverId)");
    }
}
