package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.LoopbackFake;
import dev.fleetdeploy.testing.ReceivedRequest;
import dev.fleetdeploy.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Mojo test shares: the fake Datadog on loopback, a real {@link MavenSession} the test controls, a
 * recording log and an environment of the test's own.
 *
 * <p>The session is a real one over a {@link DefaultMavenExecutionRequest}, handed to the harness by the
 * {@link Provides} method: its settings, servers, user properties and offline flag come from {@link #request} just as
 * Maven builds them from settings.xml and the command line, and tests change them with plain setters. (The
 * harness's own default session is a Mockito mock whose {@code getSettings()} returns null.)
 *
 * <p>Test POMs point {@code baseUrl} at the fake Datadog with {@code ${fake.api}} (and at a fake ADU with
 * {@code ${fake.adu}}, which the ADU tests set), a user property set here, so the value goes through Maven's own
 * expression evaluation like any {@code -D}. The fake Datadog accepts any pair of keys: the tests check which keys
 * each request carried.
 */
abstract class MojoTestSupport {
    /** Credentials, distinct per source, so a request shows which one won and a leak check knows what to look for. */
    static final String POM_API_KEY = "pom-api-key-1a2b3c";

    static final String POM_APP_KEY = "pom-app-key-4d5e6f";
    static final String SERVER_API_KEY = "server-api-key-7a8b9c";
    static final String SERVER_APP_KEY = "server-app-key-0d1e2f";
    static final String ENV_API_KEY = "env-api-key-3a4b5c";
    static final String ENV_APP_KEY = "env-app-key-6d7e8f";
    static final String PROPERTY_API_KEY = "property-api-key-9a0b1c";
    static final String PROPERTY_APP_KEY = "property-app-key-2d3e4f";
    static final List<String> ALL_SECRETS = List.of(
            POM_API_KEY,
            POM_APP_KEY,
            SERVER_API_KEY,
            SERVER_APP_KEY,
            ENV_API_KEY,
            ENV_APP_KEY,
            PROPERTY_API_KEY,
            PROPERTY_APP_KEY);

    /** The command line's options that give both Datadog keys. */
    static final String PROPERTY_KEYS =
            "-Dfleet.apiKey=" + PROPERTY_API_KEY + " -Dfleet.applicationKey=" + PROPERTY_APP_KEY;

    /** Environment variables that give both Datadog keys. */
    static final Map<String, String> ENV_KEYS = Map.of("DD_API_KEY", ENV_API_KEY, "DD_APP_KEY", ENV_APP_KEY);

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    final FakeDatadog api = serving("fake.api", FakeDatadog.startAcceptingAnyKeys());
    final MavenSession session = newSession(request);
    final RecordingLog log = new RecordingLog();

    /** The folder the build runs in; the project, when there is one, lives here. */
    @TempDir
    Path workDir;

    /** The project Maven would hand the Mojo ({@code ${project}}): with no pom.xml, its standalone stand-in. */
    final MavenProject project = new MavenProject();

    @SuppressWarnings("deprecation") // The only constructor that needs no repository system; the Mojo needs none.
    private static MavenSession newSession(MavenExecutionRequest request) {
        return new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    }

    /** The session the harness configures the Mojo with ({@code ${session}}). */
    @Provides
    MavenSession session() {
        return session;
    }

    /**
     * Runs before the harness configures the Mojo (JUnit resolves the {@code @InjectMojo} parameter after every
     * {@code @BeforeEach}), so what is set here is what Maven's expression evaluation sees.
     */
    @BeforeEach
    void prepareBuild(TestInfo test) {
        request.getUserProperties().setProperty("work.dir", workDir.toString());

        // As a pipeline runs the goals: from some folder, no pom.xml. Maven injects a stand-in project even then.
        request.setProjectPresent(false);
        request.setBaseDirectory(workDir.toFile());
        project.setFile(workDir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(workDir.resolve("target").toString());
        session.setCurrentProject(project);

        test.getTestMethod()
                .map(method -> method.getAnnotation(CommandLine.class))
                .ifPresent(commandLine -> {
                    for (String option : commandLine.value().strip().split("\\s+")) {
                        int equals = option.indexOf('=');
                        if (!option.startsWith("-D") || equals < 0) {
                            throw new IllegalArgumentException("not a -Dname=value option: " + option);
                        }
                        String value = option.substring(equals + 1)
                                .replace(
                                        "${fake.api}",
                                        request.getUserProperties().getProperty("fake.api"))
                                .replace("${work.dir}", workDir.toString());
                        request.getUserProperties().setProperty(option.substring(2, equals), value);
                    }
                });
    }

    /**
     * A fake for this test, closed after it: its baseUrl, as a user writes one ("http://localhost:PORT"), is the
     * user property {@code property} that the test POMs name.
     */
    <F extends LoopbackFake> F serving(String property, F fake) {
        cleanup.add(fake);
        request.getUserProperties().setProperty(property, baseUrl(fake.url()));
        return fake;
    }

    /** A fake's "http://127.0.0.1:PORT" as a user would write a local baseUrl: "http://localhost:PORT". */
    static String baseUrl(String fakeUrl) {
        return fakeUrl.replace("//127.0.0.1:", "//localhost:");
    }

    /** The fake Datadog's baseUrl. */
    String baseUrl() {
        return baseUrl(api.url());
    }

    /** Gives the Mojo the recording log and an environment with the given variables only. */
    <M extends AbstractFleetMojo> M prepare(M mojo, Map<String, String> environment) throws IllegalAccessException {
        mojo.setLog(log.mavenLog());
        MojoExtension.setVariableValueToObject(mojo, "environment", Environment.of(environment));
        return mojo;
    }

    /** Runs the goal with both Datadog keys in the environment ({@link #ENV_KEYS}), as most pipelines give them. */
    void run(AbstractFleetMojo mojo) throws Exception {
        prepare(mojo, ENV_KEYS).execute();
    }

    /** The lines logged at INFO, what a user reads of a run. */
    List<String> info() {
        return log.at(RecordingLog.Level.INFO);
    }

    /** Gives the Mojo the recording log and an empty environment. */
    <M extends AbstractFleetMojo> M prepare(M mojo) throws IllegalAccessException {
        return prepare(mojo, Map.of());
    }

    /** A {@code <server>} of settings.xml; Maven's session sees the request's servers as its settings' servers. */
    void addServer(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        request.addServer(server);
    }

    /** Asserts which Datadog keys a request carried. */
    static void assertCarriesKeys(ReceivedRequest sent, String apiKey, String applicationKey) {
        assertThat(sent.header("DD-API-KEY")).as("DD-API-KEY").isEqualTo(apiKey);
        assertThat(sent.header("DD-APPLICATION-KEY")).as("DD-APPLICATION-KEY").isEqualTo(applicationKey);
    }

    /** Every request the fake Datadog received so far, in arrival order. */
    List<ReceivedRequest> received() {
        return api.requests();
    }

    /** The targets ("METHOD /path?query") of the requests {@link #received()} gives, in arrival order. */
    List<String> receivedTargets() {
        return targets(received());
    }

    static List<String> targets(List<ReceivedRequest> requests) {
        return requests.stream().map(r -> r.method() + " " + r.target()).toList();
    }

    /**
     * Runs the goal, which must refuse its configuration (a {@link MojoExecutionException}) before it sends anything,
     * and returns the refusal, to check what it says.
     */
    AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            AbstractFleetMojo mojo, Map<String, String> environment) throws IllegalAccessException {
        prepare(mojo, environment);
        Throwable refusal = catchThrowable(mojo::execute);
        assertNothingSent();
        return assertThat(refusal).isInstanceOf(MojoExecutionException.class);
    }

    /** Nothing reached the fakes; a test with fakes of its own adds theirs. */
    void assertNothingSent() {
        assertThat(api.requests()).as("requests the fake Datadog received").isEmpty();
    }

    /** No credential in the log (at any level) nor in the given texts (exception messages, reports). */
    void assertNoSecretShown(String... texts) {
        for (String secret : ALL_SECRETS) {
            assertThat(log.text()).as("the log").doesNotContain(secret);
            for (String text : texts) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
