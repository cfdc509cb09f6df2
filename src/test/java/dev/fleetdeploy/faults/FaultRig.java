package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.DeploymentOutcome;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.FleetExecution;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestRunOptions;
import dev.fleetdeploy.testing.TestTargets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One goal execution, run by {@code FleetExecution} itself (providers built from raw settings, one shared transport,
 * the runner over every id), but on {@link FakeTime}: every retry wait, rate-limit pause and poll is recorded instead of
 * spent, and the execution's deadline is measured on the same fake clock. The log records debug too, unmasked, so
 * that a secret the core ever formats would show.
 */
final class FaultRig {
    /** Distinctive fake credentials: none may appear in any output, nor reach any host but the API's. */
    static final String DD_API_KEY = "fault-dd-api-key-4b7e1c9a02d6";

    static final String DD_APP_KEY = "fault-dd-app-key-8e3f5a1c7b90d246";
    static final String ADU_TOKEN = "fault-adu-token-2c9e7a4f16b8e5d3";
    static final List<String> SECRETS = List.of(DD_API_KEY, DD_APP_KEY, ADU_TOKEN);

    /** The credential headers of both providers. */
    static final List<String> CREDENTIAL_HEADERS = List.of("DD-API-KEY", "DD-APPLICATION-KEY", "Authorization");

    final FakeTime time = new FakeTime();
    final RecordingLog log = new RecordingLog();
    private final Map<String, String> values = new LinkedHashMap<>();
    private int maxRetries = 3;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(5);
    private DoubleSupplier jitter = () -> 1.0;
    private Duration executionTimeout;
    private boolean waitForFinalState;
    private Duration pollInterval = java.time.Duration.ofSeconds(10);

    private FaultRig(Map<String, String> values) {
        this.values.putAll(values);
    }

    /** Datadog v2, keys from the environment, requests to {@code baseUrl}. */
    static FaultRig datadog(String baseUrl) {
        return new FaultRig(Map.of("provider", "datadog", "baseUrl", baseUrl));
    }

    /** Azure Device Update GA, pinned to 2022-10-01, one device class ({@code dc1}) so that a cancel is one request. */
    static FaultRig adu(String baseUrl) {
        return new FaultRig(aduTarget(baseUrl)).set("apiVersion", "2022-10-01");
    }

    /** An ADU target on {@code baseUrl}: account contoso, instance blue, group TestGroup, device class dc1, a token. */
    static Map<String, String> aduTarget(String baseUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("provider", "adu");
        values.put("baseUrl", baseUrl);
        values.put("endpoint", "contoso.api.adu.microsoft.com");
        values.put("instance", "blue");
        values.put("groupId", "TestGroup");
        values.put("deviceClassId", "dc1");
        values.put("accessToken", ADU_TOKEN);
        return values;
    }

    /** "http://127.0.0.1:PORT": the literal address, as a user would give a local gateway. */
    static String baseUrl(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    FaultRig set(String parameter, String value) {
        if (value == null) {
            values.remove(parameter);
        } else {
            values.put(parameter, value);
        }
        return this;
    }

    FaultRig retries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    FaultRig connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    FaultRig readTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
        return this;
    }

    /** The jitter's random values (default: always 1.0, the full backoff). */
    FaultRig jitter(DoubleSupplier jitter) {
        this.jitter = jitter;
        return this;
    }

    /** A deadline that starts when {@link #run} does, on the fake clock. */
    FaultRig executionTimeout(Duration executionTimeout) {
        this.executionTimeout = executionTimeout;
        return this;
    }

    /** Polls after the operation until a final state, as {@code wait} does. */
    FaultRig waitForFinalState(Duration pollInterval) {
        this.waitForFinalState = true;
        this.pollInterval = pollInterval;
        return this;
    }

    Run cancel(String ids) throws InterruptedException {
        return run(Operation.CANCEL, ids);
    }

    Run run(Operation operation, String ids) throws InterruptedException {
        TargetSettings target = TestTargets.of(values, TestIds.of(ids));
        HttpSettings http = new HttpSettings(
                connectTimeout, readTimeout, RetryPolicy.withRetries(maxRetries).withRandom(jitter), 1, List.of());
        RunOptions options = TestRunOptions.of(
                false, waitForFinalState, Duration.ofSeconds(600), pollInterval, 1, false, executionTimeout);
        FleetExecution execution = new FleetExecution(
                operation,
                List.of(target),
                http,
                options,
                env(),
                ServerLookup.NONE,
                false,
                MavenTerms.TERMS,
                time.clock(),
                time);
        long started = System.nanoTime();
        RunReport report = execution.run(log, new SecretMasker());
        // Whatever the fault, no credential may show in the log or in what the report says.
        assertNoSecretIn(log.text(), texts(report).toArray(String[]::new));
        return new Run(report, Duration.ofNanos(System.nanoTime() - started), time.sleeps(), log);
    }

    /** Everything the report would show a user: the summary, each failure, each action and status. */
    private static List<String> texts(RunReport report) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(report.summary());
        for (DeploymentOutcome outcome : report.outcomes()) {
            if (outcome instanceof DeploymentOutcome.Failed failed) {
                texts.add(failed.message());
            } else if (outcome instanceof DeploymentOutcome.Succeeded succeeded) {
                if (succeeded.action() != null) {
                    texts.add(succeeded.action().summary());
                    texts.add(String.valueOf(succeeded.action().warning()));
                }
                if (succeeded.status() != null) {
                    texts.add(succeeded.status().summary());
                }
            }
        }
        return texts;
    }

    static Environment env() {
        return Environment.of(Map.of("DD_API_KEY", DD_API_KEY, "DD_APP_KEY", DD_APP_KEY));
    }

    /** No credential in the recorded log (any level, unmasked) nor in the given texts. */
    void assertNoSecretShown(String... texts) {
        assertNoSecretIn(log.text(), texts);
    }

    static void assertNoSecretIn(String logText, String... texts) {
        for (String secret : SECRETS) {
            assertThat(logText).as("the log").doesNotContain(secret);
            for (String text : texts) {
                assertThat(text).as("output").doesNotContain(secret);
            }
        }
    }

    /** Fails if {@code other} received any request, or anything carrying a credential. */
    static void assertNothingReached(MockWebServer other) throws InterruptedException {
        RecordedRequest leaked = other.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (leaked != null) {
            for (String header : CREDENTIAL_HEADERS) {
                assertThat(leaked.getHeaders().get(header))
                        .as(header + " sent to another host")
                        .isNull();
            }
        }
        assertThat(other.getRequestCount()).as("requests another host received").isZero();
    }

    /**
     * What one execution ended with.
     *
     * @param wallTime how long it really took
     * @param sleeps every wait it asked for, in fake time
     * @param log everything the rig logged (debug too, unmasked)
     */
    record Run(RunReport report, Duration wallTime, List<Duration> sleeps, RecordingLog log) {

        DeploymentOutcome only() {
            assertThat(report.outcomes()).hasSize(1);
            return report.outcomes().get(0);
        }

        DeploymentOutcome.Failed failure() {
            assertThat(only()).isInstanceOf(DeploymentOutcome.Failed.class);
            return (DeploymentOutcome.Failed) only();
        }

        DeploymentOutcome.Succeeded success() {
            assertThat(only()).as("outcome").isInstanceOf(DeploymentOutcome.Succeeded.class);
            return (DeploymentOutcome.Succeeded) only();
        }

        /** The whole failure sentence, as the build would end with it. */
        String message() {
            return failure().message();
        }

        /** No credential in the log (any level, unmasked) nor in the given texts. */
        void assertNoSecretShown(String... texts) {
            assertNoSecretIn(log.text(), texts);
        }

        Duration waited() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }
}
