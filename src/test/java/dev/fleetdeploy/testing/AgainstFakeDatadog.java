package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.SecretMasker;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a test against the fake Datadog shares: the fake, which accepts {@link #KEYS} and reads the time on the test's
 * fake clock, a recording log, that clock, a masker, and the providers built on them. The fake stops after each test.
 */
public abstract class AgainstFakeDatadog {
    protected static final DatadogKeys KEYS = new DatadogKeys("fake-api-key-0123456789", "fake-app-key-0123456789");

    @RegisterExtension
    protected final Cleanup cleanup = new Cleanup();

    protected final RecordingLog log = new RecordingLog();
    protected final FakeTime time = new FakeTime();
    protected final SecretMasker masker = new SecretMasker();
    protected final FakeDatadog fake = cleanup.add(KEYS.start().clock(time.clock()));

    @RegisterExtension
    protected final TestProviders providers = new TestProviders(log, time, masker);

    /** A Datadog target on the fake: its provider and baseUrl. */
    protected Map<String, String> onTheFake() {
        return Map.of("provider", "datadog", "baseUrl", fake.url());
    }
}
