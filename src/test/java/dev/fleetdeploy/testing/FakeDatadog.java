package dev.fleetdeploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stateful fake of Datadog's Fleet deployments API (v2 and unstable) on 127.0.0.1, for the plugin's tests and the
 * invoker ITs' {@code setup.groovy} / {@code verify.groovy}.
 *
 * <pre>
 * def server = FakeDatadog.start('it-api-key-...', 'it-app-key-...')
 * server.deployment('abc', 'running', 3)                       // or addDeployment(FakeDeployment...)
 * server.answerAlways('denied', CannedAnswer.statusError(403, 'Forbidden'))
 * server.answerOnce(FakeDatadog.CONFIGURE, CannedAnswer.errors(403, 'Forbidden'))   // creates and the list too
 * context.get('userProperties').put('fleet.baseUrl', server.url())
 * ...
 * assert server.requests('POST', '/api/v2/fleet/deployments/abc/cancel').size() == 1
 * server.close()
 * </pre>
 */
public final class FakeDatadog implements AutoCloseable {
    /** The key of forced answers for the list ({@code GET /api/v2/fleet/deployments}). */
    public static final String LIST = "(list)";
    /** The key of forced answers for {@code POST /api/v2/fleet/deployments/configure}. */
    public static final String CONFIGURE = "(configure)";
    /** The key of forced answers for {@code POST /api/v2/fleet/deployments/upgrade}. */
    public static final String UPGRADE = "(upgrade)";

    private final MockWebServer server;
    private final FleetState state = new FleetState();
    private final FleetDispatcher dispatcher;
    private HeldCertificate certificate;

    private FakeDatadog(String apiKey, String applicationKey) {
        this.dispatcher = new FleetDispatcher(apiKey, applicationKey, state);
        this.server = new MockWebServer();
        server.setDispatcher(dispatcher);
    }

    /** Starts a fake that accepts only these keys (401 otherwise), on an ephemeral loopback port. */
    public static FakeDatadog start(String apiKey, String applicationKey) {
        FakeDatadog fake = new FakeDatadog(apiKey, applicationKey);
        try {
            // The literal address, not "localhost": that could resolve to ::1 while url() says 127.0.0.1.
            fake.server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Datadog server", e);
        }
        return fake;
    }

    /**
     * Starts a fake that answers over HTTPS with a throwaway certificate for {@code hostName} (and localhost), which
     * no JVM trusts until the test adds it to a trust store ({@link #writeTrustStore}).
     */
    public static FakeDatadog startHttps(String apiKey, String applicationKey, String hostName) {
        FakeDatadog fake = new FakeDatadog(apiKey, applicationKey);
        fake.certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName(hostName)
                .addSubjectAlternativeName("localhost")
                .commonName(hostName)
                .build();
        fake.server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(fake.certificate)
                .build()
                .sslSocketFactory());
        try {
            fake.server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Datadog server", e);
        }
        return fake;
    }

    /** A PKCS12 trust store holding this fake's certificate, for {@code -Djavax.net.ssl.trustStore}. */
    public void writeTrustStore(java.io.File file, String password) {
        if (certificate == null) {
            throw new IllegalStateException("this fake speaks plain http: start it with startHttps");
        }
        try (java.io.OutputStream out = new java.io.FileOutputStream(file)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("fake-datadog", certificate.certificate());
            store.store(out, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
    }

    /** The loopback port it listens on (to route a proxy's tunnels to it). */
    public int port() {
        return server.getPort();
    }

    /** "http://127.0.0.1:PORT", to give the plugin as {@code baseUrl}. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Accepts one more key pair (an IT that sends keys from two places, say), besides the one it started with. */
    public FakeDatadog alsoAccept(String apiKey, String applicationKey) {
        dispatcher.accept(apiKey, applicationKey);
        return this;
    }

    /** Adds (or replaces) a deployment with {@code hostCount} hosts in the state that goes with {@code status}. */
    public FakeDatadog deployment(String id, String status, int hostCount) {
        return addDeployment(FakeDeployment.withHosts(id, status, hostCount));
    }

    /** Adds (or replaces) a deployment with these hosts. */
    public FakeDatadog deployment(String id, String status, List<FakeHost> hosts) {
        return addDeployment(FakeDeployment.of(id, status, hosts));
    }

    public FakeDatadog addDeployment(FakeDeployment deployment) {
        state.put(deployment);
        return this;
    }

    /** The deployment as the fake holds it now (after any cancel), or null when unknown. */
    public FakeDeployment deployment(String id) {
        return state.get(id).orElse(null);
    }

    /** The size in bytes of the body a v2 GET of this deployment gets now (every host is listed in it). */
    public long v2BodyBytes(String id) {
        FakeDeployment deployment =
                state.get(id).orElseThrow(() -> new IllegalArgumentException("no deployment " + id));
        return DatadogBodies.v2Get(deployment).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Hosts of the fleet that no deployment lists: a create's filter query may reach them. */
    public FakeDatadog hosts(String... hostnames) {
        state.addHosts(List.of(hostnames));
        return this;
    }

    /** Who the keys belong to, as the author of what a create makes (default it@example.com). */
    public FakeDatadog keyOwner(String author) {
        dispatcher.keyOwner(author);
        return this;
    }

    /** The clock a create's {@code started_at} is read from (default the system's). */
    public FakeDatadog clock(java.time.Clock clock) {
        dispatcher.clock(clock);
        return this;
    }

    /** Refuses {@code sort} on the list with a 400, as a server that does not support the field would. */
    public FakeDatadog sortUnsupported() {
        dispatcher.sortUnsupported();
        return this;
    }

    /**
     * The next real create (not a dry run) makes its deployment, and then sends this answer instead of 201: a 5xx, or
     * (with {@link CannedAnswer#afterSeconds}) an answer too late for the client. Calls queue up.
     */
    public FakeDatadog answerAfterCreating(CannedAnswer answer) {
        dispatcher.answerAfterCreating(answer);
        return this;
    }

    /**
     * What the deployments creates make do next: the first {@code reads - 1} reads see them running, the next one in
     * {@code finalStatus} with every host done (succeeded, or failed when the status is "failed"). By default they stay
     * pending.
     */
    public FakeDatadog createdFinishAfter(int reads, String finalStatus) {
        state.createdFinish(reads, finalStatus);
        return this;
    }

    /** The deployments creates made, in order. */
    public List<FakeDeployment> created() {
        return state.createdIds().stream()
                .map(id -> state.get(id).orElseThrow())
                .toList();
    }

    /** Every request about this id (cancel or get) gets this answer, whatever the state; keys are checked first. */
    public FakeDatadog answerAlways(String id, CannedAnswer answer) {
        dispatcher.forced().always(id, answer);
        return this;
    }

    /** The next request about this id gets this answer; calls queue up, and then the fake answers as usual. */
    public FakeDatadog answerOnce(String id, CannedAnswer answer) {
        dispatcher.forced().once(id, answer);
        return this;
    }

    /** Every answer takes this long (in seconds, fractions allowed) to prepare, as a slow API's would. */
    public FakeDatadog thinkTime(double seconds) {
        dispatcher.thinkTime(java.time.Duration.ofMillis((long) (seconds * 1000)));
        return this;
    }

    /** The most requests the fake had in progress at once: above 1 only when the plugin worked in parallel. */
    public int maxConcurrentRequests() {
        return dispatcher.maxInFlight();
    }

    /** Every request received, in order, including refused ones. */
    public List<ReceivedRequest> requests() {
        return dispatcher.received();
    }

    /** The requests with this method to exactly this path (percent-encoded, as sent; query ignored). */
    public List<ReceivedRequest> requests(String method, String path) {
        return RequestRecorder.matching(requests(), method, path);
    }

    /** The only request with this method to this path; fails, listing what was received, when there are 0 or more. */
    public ReceivedRequest onlyRequest(String method, String path) {
        return RequestRecorder.only(requests(), method, path);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeDatadog[" + url() + ", " + requests().size() + " requests]";
    }
}
