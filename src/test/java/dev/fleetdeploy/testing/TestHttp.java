package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.ProxyConfig;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import java.time.Duration;
import java.util.List;

/**
 * HTTP settings and transports for tests. A retry waits its full backoff (no jitter), so the waits a test asserts are
 * exact. Loopback servers answer at once: the timeouts matter only to a test that stalls an answer on purpose, and
 * such a test names its own.
 */
public final class TestHttp {
    private TestHttp() {}

    /** 2 s to connect, 5 s to read, four requests at a time, no proxy. */
    public static HttpSettings retries(int maxRetries) {
        return settings(Duration.ofSeconds(2), Duration.ofSeconds(5), maxRetries, 4);
    }

    public static HttpSettings settings(
            Duration connectTimeout, Duration readTimeout, int maxRetries, int parallelism, ProxyConfig... proxies) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                RetryPolicy.withRetries(maxRetries).withRandom(() -> 1.0),
                parallelism,
                List.of(proxies));
    }

    /** A transport on the real clock, for what measures time itself (MSAL, a certificate's validity). */
    public static HttpTransport transport(HttpSettings settings, FleetLog log) {
        return new HttpTransport(settings, log, MavenTerms.TERMS);
    }

    /** A transport that waits and reads the time on the fake clock: its waits are recorded, never spent. */
    public static HttpTransport transport(HttpSettings settings, FleetLog log, FakeTime time) {
        return new HttpTransport(settings, log, MavenTerms.TERMS, time, time.clock());
    }
}
