package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.http.ProxyConfig;
import dev.fleetdeploy.providers.FleetExecution;
import dev.fleetdeploy.testing.HostileServer;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestHttp;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A token service that echoes the client secret back, in a reason phrase and in an error body, in each spelling the
 * secret may take (as the plugin sent it, form-encoded; raw; encoded another way; JSON-escaped; and a proxy's
 * credentials as base64), never gets it shown: not in the Maven log at {@code -X}, not in the build's failure, not in
 * the report.
 */
class SecretEchoTest {
    /** Entra ID's secrets hold "~"; the rest are characters that encoders disagree on. */
    static final String CLIENT_SECRET = "Q8~xw.ab_cd-ef g+h/i\"j*k%l\u00e9m-echo";

    static final String PROXY_USER = "proxy-user";
    static final String PROXY_PASSWORD = "proxy-p\u00e4ss-echo-77";

    @TempDir
    Path workDir;

    static Stream<Arguments> spellings() {
        return Stream.of(
                arguments("form-encoded, as the plugin sent it", (Function<ReceivedRequest, String>)
                        SecretEchoTest::asSent),
                arguments("raw", (Function<ReceivedRequest, String>) request -> CLIENT_SECRET),
                arguments("URL-encoded", (Function<ReceivedRequest, String>)
                        request -> URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)),
                arguments(
                        "percent-encoded with %20 and lower-case hex",
                        (Function<ReceivedRequest, String>)
                                request -> "Q8~xw.ab_cd-ef%20g%2bh%2fi%22j*k%25l%c3%a9m-echo"),
                arguments("JSON-escaped", (Function<ReceivedRequest, String>) request -> jsonEscaped(CLIENT_SECRET)),
                arguments("base64 of the proxy's user:password", (Function<ReceivedRequest, String>) request ->
                        okhttp3.Credentials.basic(PROXY_USER, PROXY_PASSWORD).substring("Basic ".length())));
    }

    /** The client_secret field exactly as it arrived in the form body. */
    private static String asSent(ReceivedRequest request) {
        for (String field : request.body().split("&")) {
            if (field.startsWith("client_secret=")) {
                return field.substring("client_secret=".length());
            }
        }
        throw new AssertionError("no client_secret in " + request);
    }

    /** Every character but letters and digits as \\uXXXX, and "/" as "\/", as some JSON writers do. */
    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> {
            if (c == '/') {
                out.append("\\/");
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void anEchoedSecretIsMaskedInEverySpelling(String name, Function<ReceivedRequest, String> spelling)
            throws Exception {
        Map<String, String> echoed = new java.util.concurrent.ConcurrentHashMap<>();
        try (HostileServer entra = HostileServer.start(request -> {
            String shown = spelling.apply(request);
            echoed.put("spelling", shown);
            return new HostileServer.Answer(
                    401, "denied " + shown, Map.of("Content-Type", "text/plain"), "received client_secret=" + shown);
        })) {
            RecordingLog maven = new RecordingLog();
            SecretMasker masker = new SecretMasker();
            FleetLog log = new MavenFleetLog(maven.mavenLog(), masker);
            RunReport report = execution(entra).run(log, masker);
            Path reportFile = workDir.resolve("report.json");

            assertThatThrownBy(() -> new BuildResult(log, masker, false).finish(report, Optional.of(reportFile)))
                    .isInstanceOf(MojoFailureException.class)
                    .satisfies(failure -> assertThat(failure.getMessage())
                            .contains("HTTP 401 denied ****: received client_secret=****")
                            .doesNotContain(echoed.get("spelling")));
            String shown = echoed.get("spelling");
            assertThat(shown).as("what the server echoed").isNotBlank();
            assertThat(maven.text())
                    .contains("[DEBUG] <- 401 denied **** for POST " + entra.url())
                    .contains("received client_secret=****")
                    .doesNotContain(shown)
                    .doesNotContain(CLIENT_SECRET)
                    .doesNotContain(PROXY_PASSWORD);
            assertThat(Files.readString(reportFile))
                    .contains("received client_secret=****")
                    .doesNotContain(shown)
                    .doesNotContain(CLIENT_SECRET);
        }
    }

    private static FleetExecution execution(HostileServer entra) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("provider", "adu");
        values.put("baseUrl", entra.url());
        values.put("endpoint", "contoso.api.adu.microsoft.com");
        values.put("instance", "blue");
        values.put("groupId", "TestGroup");
        values.put("deviceClassId", "dc1");
        values.put("tenantId", "tenant-1");
        values.put("clientId", "client-1");
        values.put("clientSecret", CLIENT_SECRET);
        values.put("authorityHost", entra.authorityHost());
        // A proxy the token request does not take (loopback goes direct), whose credentials the plugin still knows.
        ProxyConfig proxy =
                new ProxyConfig("https", "proxy.example", 3128, PROXY_USER, Secret.of(PROXY_PASSWORD), null);
        return TestExecution.of(Operation.CANCEL, TestTargets.of(values, TestIds.of("dep-1")))
                .with(TestHttp.settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, 1, proxy))
                .on(Clock.systemUTC(), Sleeper.SYSTEM);
    }
}
