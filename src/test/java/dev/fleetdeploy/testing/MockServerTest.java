package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.SecretMasker;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a test of one client against a MockWebServer of its own shares: the server on loopback (started and stopped
 * around each test), a recording log, a fake clock, a masker, and the transports and providers built on them.
 */
public abstract class MockServerTest {
    @StartStop
    protected final MockWebServer server = new MockWebServer();

    protected final RecordingLog log = new RecordingLog();
    protected final FakeTime time = new FakeTime();
    protected final SecretMasker masker = new SecretMasker();

    @RegisterExtension
    protected final TestProviders providers = new TestProviders(log, time, masker);
}
