package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.providers.Providers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Providers for a test below the execution, built as a goal that sends builds them ({@link Providers#create}) from a
 * target's parameters, each on a transport of its own that waits on the test's fake clock and is closed after the test.
 * Register it with {@code @RegisterExtension}.
 */
public final class TestProviders implements AfterEachCallback {
    private final FleetLog log;
    private final FakeTime time;
    private final SecretMasker masker;
    private final List<HttpTransport> transports = new CopyOnWriteArrayList<>();

    /** @param masker learns every credential a provider resolves */
    public TestProviders(FleetLog log, FakeTime time, SecretMasker masker) {
        this.log = log;
        this.time = time;
        this.masker = masker;
    }

    /** A transport on the fake clock, closed after the test. */
    public HttpTransport transport(HttpSettings settings) {
        HttpTransport transport = TestHttp.transport(settings, log, time);
        transports.add(transport);
        return transport;
    }

    /**
     * @param parameters the target's parameters, by their bare names ("baseUrl"); no deployment ids
     * @param environment the environment variables it may read its credentials from
     */
    public FleetProvider create(
            Map<String, String> parameters, Operation operation, Map<String, String> environment, HttpSettings http) {
        return Providers.create(
                TestTargets.of(parameters, TestIds.NONE),
                operation,
                Environment.of(environment),
                ServerLookup.NONE,
                transport(http),
                masker,
                time.clock(),
                time,
                true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        transports.forEach(HttpTransport::close);
        transports.clear();
    }
}
