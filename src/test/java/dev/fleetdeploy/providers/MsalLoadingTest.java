package dev.fleetdeploy.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.TestExecution;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MSAL is loaded only when an Azure credential needs it: a Datadog cancel, run in a class loader of its own that
 * loads the plugin and MSAL itself (so that nothing another test loaded counts), loads no MSAL class; an ADU cancel
 * with a client secret, the control, does.
 */
class MsalLoadingTest {

    /** Loads the plugin's, the fakes' and MSAL's classes itself, and records MSAL's and azure-json's. */
    static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader(ClassLoader parent) {
            super(classPath(), parent);
        }

        private static URL[] classPath() {
            return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                    .map(entry -> {
                        try {
                            return java.nio.file.Path.of(entry).toUri().toURL();
                        } catch (java.net.MalformedURLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toArray(URL[]::new);
        }

        private static boolean ours(String name) {
            return name.startsWith("dev.fleetdeploy.")
                    || name.startsWith("com.microsoft.")
                    || name.startsWith("com.azure.");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!ours(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                if (found == null) {
                    found = findClass(name);
                    if (name.startsWith("com.microsoft.aad.msal4j.") || name.startsWith("com.azure.json.")) {
                        loaded.add(name);
                    }
                }
                if (resolve) {
                    resolveClass(found);
                }
                return found;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> msalClassesLoadedBy(Class<? extends Callable<String>> run) throws Exception {
        try (RecordingLoader loader = new RecordingLoader(MsalLoadingTest.class.getClassLoader())) {
            Class<?> isolated = loader.loadClass(run.getName());
            assertThat(isolated.getClassLoader()).isSameAs(loader);
            Callable<String> call =
                    (Callable<String>) isolated.getDeclaredConstructor().newInstance();
            assertThat(call.call()).isEqualTo("done");
            return Set.copyOf(loader.loaded);
        }
    }

    @Test
    void aDatadogCancelLoadsNoMsalClass() throws Exception {
        assertThat(msalClassesLoadedBy(DatadogCancel.class)).isEmpty();
    }

    @Test
    void anAduCancelWithAClientSecretDoesTheControl() throws Exception {
        assertThat(msalClassesLoadedBy(AduCancel.class))
                .contains("com.microsoft.aad.msal4j.ConfidentialClientApplication");
    }

    private static FleetExecution execution(TargetsAndEnv what) {
        return TestExecution.of(Operation.CANCEL, what.target())
                .withEnvironment(what.env())
                .on(Clock.systemUTC(), Sleeper.SYSTEM);
    }

    private record TargetsAndEnv(TargetSettings target, Map<String, String> env) {}

    /** Run inside the recording loader: one Datadog cancel against the fake. */
    public static final class DatadogCancel implements Callable<String> {
        @Override
        public String call() throws Exception {
            try (FakeDatadog datadog = FakeDatadog.start("load-api-key-0a1b2c", "load-app-key-3d4e5f")) {
                datadog.deployment("dep-load", "running", 1);
                TargetSettings target =
                        TestTargets.of(Map.of("provider", "datadog", "baseUrl", datadog.url()), TestIds.of("dep-load"));
                RunReport report = execution(new TargetsAndEnv(
                                target,
                                Map.of("DD_API_KEY", "load-api-key-0a1b2c", "DD_APP_KEY", "load-app-key-3d4e5f")))
                        .run(new RecordingLog(), new SecretMasker());
                return report.hasFailures() ? "failed" : "done";
            }
        }
    }

    /** Run inside the recording loader: one ADU cancel with a client secret. */
    public static final class AduCancel implements Callable<String> {
        @Override
        public String call() throws Exception {
            try (FakeEntra entra = FakeEntra.start().client("t-load", "c-load", "load-secret-0123456789");
                    FakeAdu adu = FakeAdu.start().trust(entra)) {
                adu.deployment("TestGroup", "dep-load", List.of("dc1"));
                TargetSettings target = TestTargets.of(
                        Map.of(
                                "provider", "adu",
                                "baseUrl", adu.url(),
                                "endpoint", "contoso.api.adu.microsoft.com",
                                "instance", "blue",
                                "groupId", "TestGroup",
                                "deviceClassId", "dc1",
                                "authorityHost", entra.authorityHost()),
                        TestIds.of("dep-load"));
                RunReport report = execution(new TargetsAndEnv(
                                target,
                                Map.of(
                                        "AZURE_TENANT_ID", "t-load",
                                        "AZURE_CLIENT_ID", "c-load",
                                        "AZURE_CLIENT_SECRET", "load-secret-0123456789")))
                        .run(new RecordingLog(), new SecretMasker());
                return report.hasFailures() ? "failed" : "done";
            }
        }
    }
}
