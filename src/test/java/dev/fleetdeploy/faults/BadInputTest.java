package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.datadog.DatadogSite;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.FleetExecution;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestRunOptions;
import dev.fleetdeploy.testing.TestTargets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every id, site, endpoint, account, instance, group, device class, baseUrl and id file is checked before anything
 * is sent: each bad one ends the execution with one sentence on one line, no cause (no stack trace), no secret,
 * nothing logged and no request received.
 */
class BadInputTest {
    private static final String CONTROL =
            " contains a control character (such as a line break): give one id, or separate several with commas.";
    private static final String SLASH =
            " contains a slash, which no deployment id has: give the id alone, not a path or URL.";
    private static final String ENDPOINT_TAIL =
            ": give the account's host name only, such as contoso.api.adu.microsoft.com"
                    + " (baseUrl replaces the whole https://host:port).";
    private static final String SEGMENT_TAIL =
            ": give the id as the Azure portal shows it, without '/', '\\', control characters or '..'.";
    private static final String INSTANCE_TAIL =
            " is not an ADU instance name: give the name alone (letters, digits, '-', '_'"
                    + " or '.'), as the Azure portal shows it; it must not hold '/', '?', '#', '%' or spaces.";
    private static final String BASE_URL_PATH =
            "' has a path, query or fragment: give only scheme://host[:port]; the plugin adds the API's path itself.";
    private static final String LONG_ID = "d".repeat(300);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private Map<String, String> datadog(String... overrides) {
        return with(Map.of("provider", "datadog", "baseUrl", FaultRig.baseUrl(server)), overrides);
    }

    private Map<String, String> adu(String... overrides) {
        return with(
                Map.of(
                        "provider",
                        "adu",
                        "baseUrl",
                        FaultRig.baseUrl(server),
                        "endpoint",
                        "contoso.api.adu.microsoft.com",
                        "instance",
                        "blue",
                        "groupId",
                        "TestGroup",
                        "deviceClassId",
                        "dc1",
                        "accessToken",
                        FaultRig.ADU_TOKEN),
                overrides);
    }

    /** The values with {@code name, value} pairs set over them; a null value removes the parameter. */
    private static Map<String, String> with(Map<String, String> base, String... overrides) {
        Map<String, String> values = new HashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                values.remove(overrides[i]);
            } else {
                values.put(overrides[i], overrides[i + 1]);
            }
        }
        return values;
    }

    private String refusal(Map<String, String> values, TestIds ids) {
        return refusal(values, ids, FaultRig.env());
    }

    /** Runs one execution that must be refused, and returns the refusal after checking how it was made. */
    private String refusal(Map<String, String> values, TestIds ids, Environment env) {
        HttpSettings http = new HttpSettings(
                Duration.ofSeconds(2), Duration.ofSeconds(2), RetryPolicy.withRetries(0), 1, List.of());
        RunOptions options = TestRunOptions.of(
                false, false, Duration.ofSeconds(5), Duration.ofSeconds(1), 1, false, Duration.ofSeconds(30));
        FleetExecution execution = new FleetExecution(
                Operation.CANCEL,
                List.of(TestTargets.of(null, values, ids, TestTargets.PLAIN)),
                http,
                options,
                env,
                ServerLookup.NONE,
                false,
                MavenTerms.TERMS,
                Clock.systemUTC(),
                Sleeper.SYSTEM);

        Throwable refused = catchThrowable(() -> execution.run(log, new SecretMasker()));

        assertThat(refused).isInstanceOf(ConfigurationException.class).hasNoCause();
        assertThat(server.getRequestCount()).as("requests sent").isZero();
        assertThat(log.lines()).as("lines logged before the refusal").isEmpty();
        FaultRig.assertNoSecretIn(log.text(), refused.getMessage());
        return refused.getMessage();
    }

    private static void assertOneLine(String message) {
        assertThat(message.chars()
                        .filter(Character::isISOControl)
                        .mapToObj(c -> String.format("\\u%04x", c))
                        .toList())
                .as("control characters in: " + message)
                .isEmpty();
    }

    static Stream<Arguments> badDeploymentIds() {
        return Stream.of(
                arguments("dep-1\r\nX-Evil: 1", "The deployment id in deploymentId" + CONTROL),
                arguments("dep-1\nmore", "The deployment id in deploymentId" + CONTROL),
                arguments("dep\u00001", "The deployment id in deploymentId" + CONTROL),
                arguments("dep\u001b[2K1", "The deployment id in deploymentId" + CONTROL),
                arguments(
                        "..",
                        "The deployment id '..' in deploymentId is not a deployment id: give the id the provider returned when the deployment was created."),
                arguments(
                        ".",
                        "The deployment id '.' in deploymentId is not a deployment id: give the id the provider returned when the deployment was created."),
                arguments("../../api/v1/api_key", "The deployment id '../../api/v1/api_key' in deploymentId" + SLASH),
                arguments("dep-1/cancel", "The deployment id 'dep-1/cancel' in deploymentId" + SLASH),
                arguments("dep\\1", "The deployment id 'dep\\1' in deploymentId" + SLASH),
                arguments(
                        "https://app.datadoghq.com/fleet/deployments/dep-1",
                        "The deployment id 'https://app.datadoghq.com/fleet/deployments/dep-1' in deploymentId"
                                + SLASH),
                arguments(
                        LONG_ID,
                        "The deployment id in deploymentId has 300 characters, more than any provider's (256): give the id alone."),
                arguments(
                        "dep-1,,dep-2",
                        "deploymentId 'dep-1,,dep-2' has an empty entry: give every id, separated by single commas."),
                arguments(
                        "dep-1,",
                        "deploymentId 'dep-1,' has an empty entry: give every id, separated by single commas."),
                arguments(
                        ",dep-1",
                        "deploymentId ',dep-1' has an empty entry: give every id, separated by single commas."),
                arguments(
                        "dep-1, ,dep-2",
                        "deploymentId 'dep-1, ,dep-2' has an empty entry: give every id, separated by single commas."),
                arguments("dep-1,../x", "The deployment id '../x' in deploymentId" + SLASH),
                arguments("  ", "No deployment id: set deploymentId, deploymentIds or deploymentIdFile."));
    }

    @ParameterizedTest(name = "[{index}] datadog id")
    @MethodSource("badDeploymentIds")
    void aBadDatadogDeploymentIdIsRefused(String ids, String message) {
        String refusal = refusal(datadog(), TestIds.of(ids));
        assertThat(refusal).isEqualTo(message);
        assertOneLine(refusal);
    }

    @ParameterizedTest(name = "[{index}] adu id")
    @MethodSource("badDeploymentIds")
    void aBadAduDeploymentIdIsRefusedAlike(String ids, String message) {
        String refusal = refusal(adu(), TestIds.of(ids));
        assertThat(refusal).isEqualTo(message);
        assertOneLine(refusal);
    }

    static Stream<Arguments> badAduGaIds() {
        String id74 = "a".repeat(74);
        return Stream.of(
                arguments(
                        id74,
                        "The deployment id '" + id74
                                + "' has 74 characters, but Azure Device Update's are at most 73: check the id."),
                arguments(
                        "dep&1",
                        "The deployment id 'dep&1' contains '&', which Azure Device Update deployment ids cannot hold"
                                + " (none of & ^ [ ] { } | < > / \\ \"): check the id."),
                arguments(
                        "dep<1>",
                        "The deployment id 'dep<1>' contains '<', which Azure Device Update deployment ids cannot hold"
                                + " (none of & ^ [ ] { } | < > / \\ \"): check the id."));
    }

    @ParameterizedTest(name = "[{index}] adu GA id")
    @MethodSource("badAduGaIds")
    void anIdThatAduGaCannotHoldIsRefused(String id, String message) {
        assertThat(refusal(adu(), TestIds.of(id))).isEqualTo(message);
    }

    @Test
    void aBlankEntryInTheIdListIsRefused() {
        assertThat(refusal(datadog(), new TestIds(null, Arrays.asList("dep-1", " ", "dep-2"), null)))
                .isEqualTo("Entry 2 of deploymentIds is blank: remove it or fill in the deployment id.");
    }

    static Stream<Arguments> badSites() {
        String sites = DatadogSite.describeAll();
        return Stream.of(
                arguments("datadoghq.xyz", "Unknown Datadog site 'datadoghq.xyz' in site: use one of " + sites + "."),
                arguments(
                        "https://evil.example.com",
                        "Unknown Datadog site 'https://evil.example.com' in site: use one of " + sites + "."),
                arguments(
                        "api.datadoghq.com/api/v2",
                        "Unknown Datadog site 'api.datadoghq.com/api/v2' in site: use one of " + sites + "."),
                arguments(
                        "datadoghq.com:8443",
                        "Unknown Datadog site 'datadoghq.com:8443' in site: use one of " + sites + "."),
                arguments("EU9", "Unknown Datadog site 'EU9' in site: use one of " + sites + "."),
                arguments(
                        "${env.DD_SITE_NOT_SET}",
                        "site is '${env.DD_SITE_NOT_SET}', an expression that was not resolved: set"
                                + " the variable or property it names, or remove the parameter."));
    }

    @ParameterizedTest(name = "[{index}] site {0}")
    @MethodSource("badSites")
    void aSiteThatIsNoDatadogSiteIsRefused(String site, String message) {
        assertThat(refusal(datadog("site", site), TestIds.of("dep-1"))).isEqualTo(message);
    }

    @Test
    void anUnknownApiGenerationIsRefused() {
        assertThat(refusal(datadog("datadogApi", "v3"), TestIds.of("dep-1")))
                .isEqualTo(
                        "Unknown Datadog API generation 'v3' in datadogApi: use v2 (current) or unstable (the Preview endpoints).");
    }

    @Test
    void aKeyThatCannotTravelInAHeaderIsRefusedWithoutShowingIt() {
        Environment env = Environment.of(
                Map.of("DD_API_KEY", FaultRig.DD_API_KEY + "\r\nX-Evil: 1", "DD_APP_KEY", FaultRig.DD_APP_KEY));
        assertThat(refusal(datadog(), TestIds.of("dep-1"), env))
                .isEqualTo(
                        "The Datadog API key from the DD_API_KEY"
                                + " environment variable contains a space, line break or other character that cannot be sent in an HTTP header: copy the key again.");
    }

    @Test
    void aTokenThatCannotTravelInAHeaderIsRefusedWithoutShowingIt() {
        assertThat(refusal(adu("accessToken", FaultRig.ADU_TOKEN + "\nX-Evil: 1"), TestIds.of("dep-1")))
                .isEqualTo(
                        "The access token from accessToken contains a space, line break or other character that cannot be"
                                + " sent in an HTTP header: copy the token again.");
    }

    static Stream<Arguments> badEndpoints() {
        return Stream.of(
                arguments("https://contoso.api.adu.microsoft.com", "has a scheme"),
                arguments("contoso.api.adu.microsoft.com/deviceUpdate", "has a path"),
                arguments("contoso.api.adu.microsoft.com:443", "has a port"),
                arguments("admin@contoso.api.adu.microsoft.com", "has user info"),
                arguments("contoso.api.adu.microsoft.com#x", "has a '#'"),
                arguments("contoso.api.adu.microsoft.com?x=1", "has a '?'"),
                arguments("contoso api.adu.microsoft.com", "contains a space or control character"),
                arguments(
                        "contoso..api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                arguments(
                        "-contoso.api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                arguments(
                        "contoso_1.api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                arguments(("a".repeat(60) + ".").repeat(5) + "com", "is not a host name"));
    }

    @ParameterizedTest(name = "[{index}] endpoint {1}")
    @MethodSource("badEndpoints")
    void anEndpointThatIsNotAHostNameIsRefused(String endpoint, String problem) {
        String refusal = refusal(adu("endpoint", endpoint), TestIds.of("dep-1"));
        assertThat(refusal)
                .isEqualTo("The endpoint '" + dev.fleetdeploy.core.Quoted.of(endpoint) + "' in endpoint " + problem
                        + ENDPOINT_TAIL);
    }

    @Test
    void anAccountWithDotsIsRefusedPointingToEndpoint() {
        assertThat(refusal(adu("endpoint", null, "account", "contoso.api.adu.microsoft.com"), TestIds.of("dep-1")))
                .isEqualTo(
                        "The account 'contoso.api.adu.microsoft.com' in account is not an ADU account name (for a full host"
                                + " name, set endpoint instead): give the name alone, letters, digits and hyphens, such as contoso.");
    }

    @Test
    void anAccountWithASlashIsRefused() {
        assertThat(refusal(adu("endpoint", null, "account", "contoso/evil"), TestIds.of("dep-1")))
                .isEqualTo(
                        "The account 'contoso/evil' in account is not an ADU account name: give the name alone, letters,"
                                + " digits and hyphens, such as contoso.");
    }

    @Test
    void bothEndpointAndAccountAreRefused() {
        assertThat(refusal(adu("account", "contoso"), TestIds.of("dep-1")))
                .isEqualTo(
                        "Both endpoint ('contoso.api.adu.microsoft.com') and account ('contoso') are set: set only one of them.");
    }

    static Stream<Arguments> badInstances() {
        return Stream.of(
                arguments("blue/../red", "The instance 'blue/../red' in instance" + INSTANCE_TAIL),
                arguments("..", "The instance '..' in instance" + INSTANCE_TAIL),
                arguments("blue red", "The instance 'blue red' in instance" + INSTANCE_TAIL),
                arguments("blue?x=1", "The instance 'blue?x=1' in instance" + INSTANCE_TAIL),
                arguments("blue%2F..", "The instance 'blue%2F..' in instance" + INSTANCE_TAIL),
                arguments(
                        "blue\r\nX-Evil: 1", "The instance 'blue\\u000d\\u000aX-Evil: 1' in instance" + INSTANCE_TAIL),
                arguments("b".repeat(101), "The instance '" + "b".repeat(99) + "…' in instance" + INSTANCE_TAIL));
    }

    @ParameterizedTest(name = "[{index}] instance")
    @MethodSource("badInstances")
    void anInstanceThatIsNoNameIsRefused(String instance, String message) {
        String refusal = refusal(adu("instance", instance), TestIds.of("dep-1"));
        assertThat(refusal).isEqualTo(message);
        assertOneLine(refusal);
    }

    @Test
    void aMissingInstanceIsRefused() {
        assertThat(refusal(adu("instance", null), TestIds.of("dep-1")))
                .isEqualTo("No Azure Device Update instance: set instance to the instance's name.");
    }

    static Stream<Arguments> badSegments() {
        return Stream.of(
                arguments("groupId", "..", "'..'"),
                arguments("groupId", ".", "'.'"),
                arguments("groupId", "Test/Group", "'Test/Group'"),
                arguments("groupId", "Test\\Group", "'Test\\Group'"),
                arguments("groupId", "Test\nGroup", "'Test\\u000aGroup'"),
                arguments("groupId", "g".repeat(300), "'" + "g".repeat(99) + "…'"),
                arguments("deviceClassId", "dc/1", "'dc/1'"),
                arguments("deviceClassId", "..", "'..'"),
                arguments("deviceClassId", "dc\u00001", "'dc\\u00001'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badSegments")
    void aGroupOrDeviceClassThatCannotBeOnePathSegmentIsRefused(String parameter, String value, String shown) {
        String refusal = refusal(adu(parameter, value), TestIds.of("dep-1"));
        assertThat(refusal)
                .isEqualTo("The " + parameter + " " + shown + " in " + parameter + " is not a valid " + parameter
                        + SEGMENT_TAIL);
        assertOneLine(refusal);
    }

    @Test
    void aDeviceClassForAnApiThatActsOnWholeDeploymentsIsRefused() {
        assertThat(refusal(adu("apiVersion", "2021-06-01-preview"), TestIds.of("dep-1")))
                .isEqualTo(
                        "deviceClassId is 'dc1', but apiVersion 2021-06-01-preview acts on whole deployments, not one device"
                                + " class: remove deviceClassId, or use a GA apiVersion such as 2022-10-01.");
    }

    @Test
    void anUnknownApiVersionIsRefused() {
        assertThat(refusal(adu("apiVersion", "2020-09-01"), TestIds.of("dep-1")))
                .isEqualTo(
                        "Unknown Azure Device Update apiVersion '2020-09-01' in apiVersion (the 2020 v2 management API is"
                                + " apiVersion=v2): use v2, 2021-06-01-preview, or a GA-shaped version such as 2026-06-01 (the"
                                + " default), 2023-10-01-preview, 2022-10-01 or 2022-07-01-preview.");
    }

    static Stream<Arguments> badBaseUrls() {
        return Stream.of(
                arguments("https://gw.example.com/api", "baseUrl 'https://gw.example.com/api" + BASE_URL_PATH),
                arguments(
                        "https://gw.example.com/?debug=1", "baseUrl 'https://gw.example.com/?debug=1" + BASE_URL_PATH),
                arguments("https://gw.example.com/#top", "baseUrl 'https://gw.example.com/#top" + BASE_URL_PATH),
                arguments("https://gw.example.com/../api", "baseUrl 'https://gw.example.com/../api" + BASE_URL_PATH),
                arguments(
                        "ftp://gw.example.com",
                        "baseUrl 'ftp://gw.example.com' is not a URL: write it as https://host or https://host:port."),
                arguments(
                        "gw.example.com",
                        "baseUrl 'gw.example.com' is not a URL: write it as https://host or https://host:port."),
                arguments(
                        "https://", "baseUrl 'https://' is not a URL: write it as https://host or https://host:port."),
                arguments(
                        "https://gw.example.com:99999",
                        "baseUrl 'https://gw.example.com:99999' is not a URL: write it as https://host or https://host:port."),
                arguments(
                        "http://gw.example.com",
                        "baseUrl 'http://gw.example.com' uses plain http to a host that is not this"
                                + " machine: use https (plain http is allowed only to localhost, 127.0.0.1 or [::1])."),
                arguments(
                        "https://admin:" + FaultRig.DD_APP_KEY + "@gw.example.com",
                        "baseUrl must not hold credentials: remove"
                                + " the user:password@ part and configure the keys as described in the README."));
    }

    @ParameterizedTest(name = "[{index}] baseUrl")
    @MethodSource("badBaseUrls")
    void aBaseUrlThatIsMoreOrLessThanSchemeHostAndPortIsRefused(String baseUrl, String message) {
        assertThat(refusal(datadog("baseUrl", baseUrl), TestIds.of("dep-1"))).isEqualTo(message);
        assertThat(refusal(adu("baseUrl", baseUrl), TestIds.of("dep-1"))).isEqualTo(message);
    }

    static Stream<Arguments> valuesWithLineBreaks() {
        return Stream.of(
                arguments(Map.of("provider", "datadog"), "site", "datadoghq.com\r\nHost: evil.example.com"),
                arguments(Map.of("provider", "datadog"), "datadogApi", "v2\r\nX-Evil: 1"),
                arguments(Map.of("provider", "adu"), "endpoint", "contoso.api.adu.microsoft.com\r\nX-Evil: 1"),
                arguments(Map.of("provider", "adu", "endpoint", ""), "account", "contoso\r\nX-Evil: 1"),
                arguments(Map.of("provider", "adu"), "apiVersion", "2022-10-01\r\nX-Evil: 1"),
                arguments(Map.of("provider", "datadog"), "baseUrl", "https://gw.example.com\r\n/x?y=1"),
                arguments(Map.of("provider", "datadog"), "deploymentId", "dep-1,,\r\ndep-2"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("valuesWithLineBreaks")
    void aRefusalQuotingAValueWithALineBreakStaysOnOneLine(Map<String, String> base, String parameter, String value) {
        Map<String, String> values = parameter.equals("deploymentId")
                ? datadog()
                : base.get("provider").equals("adu") ? adu() : datadog();
        values.putAll(base);
        values.values().removeIf(String::isEmpty);
        TestIds ids = TestIds.of("dep-1");
        if (parameter.equals("deploymentId")) {
            ids = TestIds.of(value);
        } else {
            values.put(parameter, value);
        }

        assertOneLine(refusal(values, ids));
    }

    @Test
    void aMissingIdFileIsRefused() {
        Path file = dir.resolve("ids.txt");
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo(
                        "deploymentIdFile '" + file + "' does not exist: check the path"
                                + " (a relative path is taken from the project folder) and that the step that writes the ids ran.");
    }

    @Test
    void aFolderInPlaceOfTheIdFileIsRefused() {
        assertThat(refusal(datadog(), fromFile(dir)))
                .isEqualTo("deploymentIdFile '" + dir + "' is not a file: give the file"
                        + " that holds the ids, one a line.");
    }

    @Test
    void anUnreadableIdFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), "dep-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(
                    Files.isReadable(file), "running as root: a file without permissions is still readable");
            assertThat(refusal(datadog(), fromFile(file)))
                    .isEqualTo("deploymentIdFile '" + file + "' cannot be read (" + file + "): check its permissions.");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void anIdFileThatFailsToReadIsRefusedEvenForRoot() {
        // chmod cannot stop root; a file whose every read fails can (Linux: reading /proc/self/mem at 0 is an I/O
        // error).
        Path file = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no /proc/self/mem on this system");
        assertThat(refusal(datadog(), fromFile(file)))
                .startsWith("deploymentIdFile '/proc/self/mem' cannot be read (")
                .endsWith("): check its permissions.");
    }

    @Test
    void anEmptyIdFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), "");
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo("deploymentIdFile '" + file + "' holds no deployment id (only"
                        + " blank lines and # comments): check the step that writes it.");
    }

    @Test
    void anIdFileOfCommentsAndBlankLinesIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), "# written by the deploy step\n\n   \n# nothing today\n");
        assertThat(refusal(datadog(), fromFile(file)))
                .endsWith("' holds no deployment id (only blank lines and # comments):"
                        + " check the step that writes it.");
    }

    @Test
    void aHugeIdFileIsRefusedUnread() throws IOException {
        Path file = dir.resolve("ids.txt");
        Files.write(file, new byte[1024 * 1024 + 1]);
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo("deploymentIdFile '" + file + "' is 1025 KB, more than the"
                        + " 1024 KB an id file may hold: check that it is the file of deployment ids.");
    }

    @Test
    void anIdFileWithTooManyIdsIsRefused() throws IOException {
        Path file = Files.writeString(
                dir.resolve("ids.txt"),
                IntStream.rangeClosed(1, 10_001).mapToObj(i -> "d" + i).collect(Collectors.joining("\n")));
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo("deploymentIdFile '" + file + "' holds 10001 ids, more than the"
                        + " 10000 one execution takes: split it, or check that it is the file of deployment ids.");
    }

    @Test
    void anIdFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("ids.txt");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'd', 0, 'e', 0, 'p', 0});
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo("deploymentIdFile '" + file + "' is not UTF-8 text: write the"
                        + " ids as plain text, one a line.");
    }

    @Test
    void aBadLineInTheIdFileIsRefusedNamingItsLine() throws IOException {
        Path file = Files.writeString(
                dir.resolve("ids.txt"), "# ids\ndep-1\n../../api/v1/api_key\n", StandardCharsets.UTF_8);
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo(
                        "The deployment id '../../api/v1/api_key' in deploymentIdFile '" + file + "' line 3" + SLASH);
    }

    @Test
    void aControlCharacterInTheIdFileIsRefusedNamingItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), "dep-1\ndep\u00002\n", StandardCharsets.UTF_8);
        assertThat(refusal(datadog(), fromFile(file)))
                .isEqualTo("The deployment id in deploymentIdFile '" + file + "' line 2" + CONTROL);
    }

    private static TestIds fromFile(Path file) {
        return new TestIds(null, null, file);
    }
}
