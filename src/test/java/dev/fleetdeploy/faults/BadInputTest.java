package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.Quoted;
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
import org.junit.jupiter.api.Named;
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

    /**
     * One bad input: a working Datadog (or ADU) target with parameters set over it (a null value removes one), its
     * deployment ids, the environment, and the one sentence that refuses it.
     */
    record Bad(String what, boolean adu, List<String> overrides, TestIds ids, Environment env, String message) {
        Bad onAdu() {
            return new Bad(what, true, overrides, ids, env, message);
        }

        @Override
        public String toString() {
            return (adu ? "adu " : "datadog ") + what;
        }
    }

    private static Bad datadog(String what, String message, String... overrides) {
        return new Bad(what, false, Arrays.asList(overrides), TestIds.of("dep-1"), FaultRig.env(), message);
    }

    private static Bad adu(String what, String message, String... overrides) {
        return datadog(what, message, overrides).onAdu();
    }

    private static Bad id(String ids, String message) {
        return new Bad("deploymentId", false, List.of(), TestIds.of(ids), FaultRig.env(), message);
    }

    /** Ids refused with the same sentence; "{}" in it stands for each. */
    private static Stream<Bad> ids(String sentence, String... ids) {
        return Stream.of(ids).map(id -> id(id, sentence.replace("{}", id)));
    }

    /** Values of one Datadog parameter refused with the same sentence; "{}" in it stands for each. */
    private static Stream<Bad> values(String parameter, String sentence, String... values) {
        return Stream.of(values).map(value -> datadog(parameter, sentence.replace("{}", value), parameter, value));
    }

    @SafeVarargs
    private static Stream<Bad> concat(Stream<Bad>... parts) {
        return Stream.of(parts).flatMap(part -> part);
    }

    private static Bad aduId(String id, String message) {
        return id(id, message).onAdu();
    }

    private static Bad endpoint(String endpoint, String problem) {
        return adu(
                "endpoint",
                "The endpoint '" + Quoted.of(endpoint) + "' in endpoint " + problem + ENDPOINT_TAIL,
                "endpoint",
                endpoint);
    }

    private static Bad segment(String parameter, String value, String shown) {
        return adu(
                parameter,
                "The " + parameter + " " + shown + " in " + parameter + " is not a valid " + parameter + SEGMENT_TAIL,
                parameter,
                value);
    }

    static Stream<Bad> badInputs() {
        return concat(
                badDeploymentIds().flatMap(bad -> Stream.of(bad, bad.onAdu())),
                badAduGaIds(),
                badSites(),
                badEndpoints(),
                badInstances(),
                badSegments(),
                badBaseUrls().flatMap(bad -> Stream.of(bad, bad.onAdu())),
                otherBadInputs());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badInputs")
    void aBadInputIsRefusedInOneSentenceOnOneLine(Bad bad) {
        Map<String, String> values = bad.adu() ? aduTarget() : datadogTarget();
        String refusal = refusal(with(values, bad.overrides().toArray(String[]::new)), bad.ids(), bad.env());

        assertThat(refusal).isEqualTo(bad.message());
        assertOneLine(refusal);
    }

    static Stream<Bad> badDeploymentIds() {
        return concat(
                ids(
                        "The deployment id in deploymentId" + CONTROL,
                        "dep-1\r\nX-Evil: 1",
                        "dep-1\nmore",
                        "dep\u00001",
                        "dep\u001b[2K1"),
                ids(
                        "The deployment id '{}' in deploymentId is not a deployment id: give the id the provider"
                                + " returned when the deployment was created.",
                        "..",
                        "."),
                ids(
                        "The deployment id '{}' in deploymentId" + SLASH,
                        "../../api/v1/api_key",
                        "dep-1/cancel",
                        "dep\\1",
                        "https://app.datadoghq.com/fleet/deployments/dep-1"),
                ids(
                        "The deployment id in deploymentId has 300 characters, more than any provider's (256): give"
                                + " the id alone.",
                        LONG_ID),
                ids(
                        "deploymentId '{}' has an empty entry: give every id, separated by single commas.",
                        "dep-1,,dep-2",
                        "dep-1,",
                        ",dep-1",
                        "dep-1, ,dep-2"),
                ids("The deployment id '../x' in deploymentId" + SLASH, "dep-1,../x"),
                ids("No deployment id: set deploymentId, deploymentIds or deploymentIdFile.", "  "));
    }

    static Stream<Bad> badAduGaIds() {
        String id74 = "a".repeat(74);
        return Stream.of(
                aduId(
                        id74,
                        "The deployment id '" + id74
                                + "' has 74 characters, but Azure Device Update's are at most 73: check the id."),
                aduId(
                        "dep&1",
                        "The deployment id 'dep&1' contains '&', which Azure Device Update deployment ids cannot hold"
                                + " (none of & ^ [ ] { } | < > / \\ \"): check the id."),
                aduId(
                        "dep<1>",
                        "The deployment id 'dep<1>' contains '<', which Azure Device Update deployment ids cannot hold"
                                + " (none of & ^ [ ] { } | < > / \\ \"): check the id."));
    }

    static Stream<Bad> badSites() {
        return concat(
                values(
                        "site",
                        "Unknown Datadog site '{}' in site: use one of " + DatadogSite.describeAll() + ".",
                        "datadoghq.xyz",
                        "https://evil.example.com",
                        "api.datadoghq.com/api/v2",
                        "datadoghq.com:8443",
                        "EU9"),
                values(
                        "site",
                        "site is '{}', an expression that was not resolved: set the variable or property it names, or"
                                + " remove the parameter.",
                        "${env.DD_SITE_NOT_SET}"));
    }

    static Stream<Bad> badEndpoints() {
        return Stream.of(
                endpoint("https://contoso.api.adu.microsoft.com", "has a scheme"),
                endpoint("contoso.api.adu.microsoft.com/deviceUpdate", "has a path"),
                endpoint("contoso.api.adu.microsoft.com:443", "has a port"),
                endpoint("admin@contoso.api.adu.microsoft.com", "has user info"),
                endpoint("contoso.api.adu.microsoft.com#x", "has a '#'"),
                endpoint("contoso.api.adu.microsoft.com?x=1", "has a '?'"),
                endpoint("contoso api.adu.microsoft.com", "contains a space or control character"),
                endpoint(
                        "contoso..api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                endpoint(
                        "-contoso.api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                endpoint(
                        "contoso_1.api.adu.microsoft.com",
                        "is not a host name (each dot-separated part must be 1 to 63 letters, digits or inner hyphens)"),
                endpoint(("a".repeat(60) + ".").repeat(5) + "com", "is not a host name"));
    }

    static Stream<Bad> badInstances() {
        return concat(
                values(
                                "instance",
                                "The instance '{}' in instance" + INSTANCE_TAIL,
                                "blue/../red",
                                "..",
                                "blue red",
                                "blue?x=1",
                                "blue%2F..")
                        .map(Bad::onAdu),
                Stream.of(
                        adu(
                                "instance",
                                "The instance 'blue\\u000d\\u000aX-Evil: 1' in instance" + INSTANCE_TAIL,
                                "instance",
                                "blue\r\nX-Evil: 1"),
                        adu(
                                "instance",
                                "The instance '" + "b".repeat(99) + "…' in instance" + INSTANCE_TAIL,
                                "instance",
                                "b".repeat(101))));
    }

    static Stream<Bad> badSegments() {
        return Stream.of(
                segment("groupId", "..", "'..'"),
                segment("groupId", ".", "'.'"),
                segment("groupId", "Test/Group", "'Test/Group'"),
                segment("groupId", "Test\\Group", "'Test\\Group'"),
                segment("groupId", "Test\nGroup", "'Test\\u000aGroup'"),
                segment("groupId", "g".repeat(300), "'" + "g".repeat(99) + "…'"),
                segment("deviceClassId", "dc/1", "'dc/1'"),
                segment("deviceClassId", "..", "'..'"),
                segment("deviceClassId", "dc\u00001", "'dc\\u00001'"));
    }

    static Stream<Bad> badBaseUrls() {
        return concat(
                values(
                        "baseUrl",
                        "baseUrl '{}" + BASE_URL_PATH,
                        "https://gw.example.com/api",
                        "https://gw.example.com/?debug=1",
                        "https://gw.example.com/#top",
                        "https://gw.example.com/../api"),
                values(
                        "baseUrl",
                        "baseUrl '{}' is not a URL: write it as https://host or https://host:port.",
                        "ftp://gw.example.com",
                        "gw.example.com",
                        "https://",
                        "https://gw.example.com:99999"),
                values(
                        "baseUrl",
                        "baseUrl '{}' uses plain http to a host that is not this machine: use https (plain http is"
                                + " allowed only to localhost, 127.0.0.1 or [::1]).",
                        "http://gw.example.com"),
                values(
                        "baseUrl",
                        "baseUrl must not hold credentials: remove the user:password@ part and configure the keys as"
                                + " described in the README.",
                        "https://admin:" + FaultRig.DD_APP_KEY + "@gw.example.com"));
    }

    static Stream<Bad> otherBadInputs() {
        return Stream.of(
                new Bad(
                        "deploymentIds",
                        false,
                        List.of(),
                        new TestIds(null, Arrays.asList("dep-1", " ", "dep-2"), null),
                        FaultRig.env(),
                        "Entry 2 of deploymentIds is blank: remove it or fill in the deployment id."),
                datadog(
                        "datadogApi",
                        "Unknown Datadog API generation 'v3' in datadogApi: use v2 (current) or unstable (the Preview"
                                + " endpoints).",
                        "datadogApi",
                        "v3"),
                new Bad(
                        "a key that cannot travel in a header, not shown",
                        false,
                        List.of(),
                        TestIds.of("dep-1"),
                        Environment.of(Map.of(
                                "DD_API_KEY",
                                FaultRig.DD_API_KEY + "\r\nX-Evil: 1",
                                "DD_APP_KEY",
                                FaultRig.DD_APP_KEY)),
                        "The Datadog API key from the DD_API_KEY environment variable contains a space, line break or"
                                + " other character that cannot be sent in an HTTP header: copy the key again."),
                adu(
                        "a token that cannot travel in a header, not shown",
                        "The access token from accessToken contains a space, line break or other character that cannot"
                                + " be sent in an HTTP header: copy the token again.",
                        "accessToken",
                        FaultRig.ADU_TOKEN + "\nX-Evil: 1"),
                adu(
                        "an account with dots",
                        "The account 'contoso.api.adu.microsoft.com' in account is not an ADU account name (for a full"
                                + " host name, set endpoint instead): give the name alone, letters, digits and hyphens,"
                                + " such as contoso.",
                        "endpoint",
                        null,
                        "account",
                        "contoso.api.adu.microsoft.com"),
                adu(
                        "an account with a slash",
                        "The account 'contoso/evil' in account is not an ADU account name: give the name alone,"
                                + " letters, digits and hyphens, such as contoso.",
                        "endpoint",
                        null,
                        "account",
                        "contoso/evil"),
                adu(
                        "both endpoint and account",
                        "Both endpoint ('contoso.api.adu.microsoft.com') and account ('contoso') are set: set only one"
                                + " of them.",
                        "account",
                        "contoso"),
                adu(
                        "no instance",
                        "No Azure Device Update instance: set instance to the instance's name.",
                        "instance",
                        null),
                adu(
                        "a device class for an API that acts on whole deployments",
                        "deviceClassId is 'dc1', but apiVersion 2021-06-01-preview acts on whole deployments, not one"
                                + " device class: remove deviceClassId, or use a GA apiVersion such as 2022-10-01.",
                        "apiVersion",
                        "2021-06-01-preview"),
                adu(
                        "an unknown apiVersion",
                        "Unknown Azure Device Update apiVersion '2020-09-01' in apiVersion (the 2020 v2 management API"
                                + " is apiVersion=v2): use v2, 2021-06-01-preview, or a GA-shaped version such as"
                                + " 2026-06-01 (the default), 2023-10-01-preview, 2022-10-01 or 2022-07-01-preview.",
                        "apiVersion",
                        "2020-09-01"));
    }

    private Map<String, String> datadogTarget(String... overrides) {
        return with(Map.of("provider", "datadog", "baseUrl", FaultRig.baseUrl(server)), overrides);
    }

    private Map<String, String> aduTarget(String... overrides) {
        return with(FaultRig.aduTarget(FaultRig.baseUrl(server)), overrides);
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
                List.of(TestTargets.of(values, ids)),
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

    /** Writes what stands at the id file's place in the build's folder. */
    interface IdFile {
        Path write(Path dir) throws IOException;
    }

    /** Bad id files; "{file}" in the sentence stands for the file's path. */
    static Stream<Arguments> badIdFiles() {
        return Stream.of(
                idFile(
                        "missing",
                        dir -> dir.resolve("ids.txt"),
                        "deploymentIdFile '{file}' does not exist: check the path (a relative path is taken from the"
                                + " project folder) and that the step that writes the ids ran."),
                idFile(
                        "a folder",
                        dir -> dir,
                        "deploymentIdFile '{file}' is not a file: give the file that holds the ids, one a line."),
                idFile(
                        "empty",
                        dir -> Files.writeString(dir.resolve("ids.txt"), ""),
                        "deploymentIdFile '{file}' holds no deployment id (only blank lines and # comments): check the"
                                + " step that writes it."),
                idFile(
                        "comments and blank lines only",
                        dir -> Files.writeString(
                                dir.resolve("ids.txt"), "# written by the deploy step\n\n   \n# nothing today\n"),
                        "deploymentIdFile '{file}' holds no deployment id (only blank lines and # comments): check the"
                                + " step that writes it."),
                idFile(
                        "huge, refused unread",
                        dir -> Files.write(dir.resolve("ids.txt"), new byte[1024 * 1024 + 1]),
                        "deploymentIdFile '{file}' is 1025 KB, more than the 1024 KB an id file may hold: check that it"
                                + " is the file of deployment ids."),
                idFile(
                        "too many ids",
                        dir -> Files.writeString(
                                dir.resolve("ids.txt"),
                                IntStream.rangeClosed(1, 10_001)
                                        .mapToObj(i -> "d" + i)
                                        .collect(Collectors.joining("\n"))),
                        "deploymentIdFile '{file}' holds 10001 ids, more than the 10000 one execution takes: split it,"
                                + " or check that it is the file of deployment ids."),
                idFile(
                        "not UTF-8",
                        dir -> Files.write(
                                dir.resolve("ids.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'd', 0, 'e', 0, 'p', 0}),
                        "deploymentIdFile '{file}' is not UTF-8 text: write the ids as plain text, one a line."),
                idFile(
                        "a bad line, named",
                        dir -> Files.writeString(
                                dir.resolve("ids.txt"), "# ids\ndep-1\n../../api/v1/api_key\n", StandardCharsets.UTF_8),
                        "The deployment id '../../api/v1/api_key' in deploymentIdFile '{file}' line 3" + SLASH),
                idFile(
                        "a control character, its line named",
                        dir -> Files.writeString(dir.resolve("ids.txt"), "dep-1\ndep\u00002\n", StandardCharsets.UTF_8),
                        "The deployment id in deploymentIdFile '{file}' line 2" + CONTROL));
    }

    private static Arguments idFile(String what, IdFile file, String message) {
        return Arguments.of(Named.of(what, file), message);
    }

    @ParameterizedTest(name = "[{index}] id file {0}")
    @MethodSource("badIdFiles")
    void aBadIdFileIsRefusedNamingIt(IdFile write, String message) throws IOException {
        Path file = write.write(dir);

        String refusal = refusal(datadogTarget(), fromFile(file));

        assertThat(refusal).isEqualTo(message.replace("{file}", file.toString()));
        assertOneLine(refusal);
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
                ? datadogTarget()
                : base.get("provider").equals("adu") ? aduTarget() : datadogTarget();
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
    void anUnreadableIdFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("ids.txt"), "dep-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(
                    Files.isReadable(file), "running as root: a file without permissions is still readable");
            assertThat(refusal(datadogTarget(), fromFile(file)))
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
        assertThat(refusal(datadogTarget(), fromFile(file)))
                .startsWith("deploymentIdFile '/proc/self/mem' cannot be read (")
                .endsWith("): check its permissions.");
    }

    private static TestIds fromFile(Path file) {
        return new TestIds(null, null, file);
    }
}
