package dev.fleetdeploy.testing;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A stateful fake of Datadog's Fleet deployments API (v2 and unstable) on 127.0.0.1, for the plugin's unit and Mojo
 * tests, the invoker ITs' {@code setup.groovy} / {@code verify.groovy} and the benchmarks.
 *
 * <pre>
 * def server = FakeDatadog.start('it-api-key-...', 'it-app-key-...')
 * server.deployment('abc', 'running', 3)                       // or addDeployment(FakeDeployment...)
 * server.answerAlways('denied', CannedAnswer.statusError(403, 'Forbidden'))
 * server.answerOnce('abc', FakeDatadog.Call.CANCEL, CannedAnswer.noAnswer())
 * server.answerOnce(FakeDatadog.CONFIGURE, CannedAnswer.errors(403, 'Forbidden'))   // creates and the list too
 * context.get('userProperties').put('fleet.baseUrl', server.url())
 * ...
 * assert server.requests('POST', '/api/v2/fleet/deployments/abc/cancel').size() == 1
 * server.close()
 * </pre>
 */
public final class FakeDatadog implements RecordsRequests, LoopbackFake {
    /** The two operations on a deployment, for answers forced on one of them only. */
    public enum Call {
        /** {@code POST .../deployments/{id}/cancel}. */
        CANCEL,
        /** {@code GET .../deployments/{id}}. */
        GET
    }

    /** The key of forced answers for the list ({@code GET /api/v2/fleet/deployments}). */
    public static final String LIST = "(list)";
    /** The key of forced answers for {@code POST /api/v2/fleet/deployments/configure}. */
    public static final String CONFIGURE = "(configure)";
    /** The key of forced answers for {@code POST /api/v2/fleet/deployments/upgrade}. */
    public static final String UPGRADE = "(upgrade)";

    private final FleetState state = new FleetState();
    private final FleetDispatcher dispatcher;
    private final HeldCertificate certificate;
    private final MockWebServer server;
    private Thread drain;

    private FakeDatadog(String apiKey, String applicationKey, HeldCertificate certificate) {
        this.dispatcher = new FleetDispatcher(apiKey, applicationKey, state);
        this.certificate = certificate;
        this.server = LoopbackServer.start(
                new AnswerDispatcher(dispatcher::answer),
                "fake Datadog",
                certificate == null
                        ? null
                        : new HandshakeCertificates.Builder()
                                .heldCertificate(certificate)
                                .build()
                                .sslSocketFactory());
    }

    /** Starts a fake that accepts only these keys (401 otherwise), on an ephemeral loopback port. */
    public static FakeDatadog start(String apiKey, String applicationKey) {
        return new FakeDatadog(apiKey, applicationKey, null);
    }

    /**
     * Starts a fake that accepts any pair of keys (401 when either is missing or blank): for tests of where the
     * plugin takes its keys from, which check the keys each request carried.
     */
    public static FakeDatadog startAcceptingAnyKeys() {
        return new FakeDatadog(null, null, null);
    }

    /**
     * Starts a fake that answers over HTTPS with a throwaway certificate for {@code hostName} (and localhost), which
     * no JVM trusts until the test adds it to a trust store ({@link #writeTrustStore}).
     */
    public static FakeDatadog startHttps(String apiKey, String applicationKey, String hostName) {
        return new FakeDatadog(
                apiKey,
                applicationKey,
                new HeldCertificate.Builder()
                        .addSubjectAlternativeName(hostName)
                        .addSubjectAlternativeName("localhost")
                        .commonName(hostName)
                        .build());
    }

    /** A PKCS12 trust store holding this fake's certificate, for {@code -Djavax.net.ssl.trustStore}. */
    public void writeTrustStore(File file, String password) {
        if (certificate == null) {
            throw new IllegalStateException("this fake speaks plain http: start it with startHttps");
        }
        try (OutputStream out = new FileOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("fake-datadog", certificate.certificate());
            store.store(out, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
    }

    /** The loopback port it listens on (to route a proxy's tunnels to it). */
    public int port() {
        return server.getPort();
    }

    /** "http://127.0.0.1:PORT", to give the plugin as {@code baseUrl}. */
    public String url() {
        return LoopbackServer.url(server.getPort());
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

    /**
     * Every id the fake does not hold names a running deployment with no hosts, and stays so: every cancel of it is
     * accepted. For benchmarks, which cancel thousands of ids, and the same ones again and again.
     */
    public FakeDatadog everyIdRunning() {
        state.open();
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
        dispatcher.forced().always(new FleetDispatcher.Forced(id, null), answer);
        return this;
    }

    /** The next request about this id gets this answer; calls queue up, and then the fake answers as usual. */
    public FakeDatadog answerOnce(String id, CannedAnswer answer) {
        dispatcher.forced().once(new FleetDispatcher.Forced(id, null), answer);
        return this;
    }

    /** Every {@code call} of this id gets this answer; it comes before answers forced for the whole id. */
    public FakeDatadog answerAlways(String id, Call call, CannedAnswer answer) {
        dispatcher.forced().always(new FleetDispatcher.Forced(id, call), answer);
        return this;
    }

    /** The next {@code call} of this id gets this answer; calls queue up, before answers forced for the whole id. */
    public FakeDatadog answerOnce(String id, Call call, CannedAnswer answer) {
        dispatcher.forced().once(new FleetDispatcher.Forced(id, call), answer);
        return this;
    }

    /** Every answer takes this long (in seconds, fractions allowed) to prepare, as a slow API's would. */
    public FakeDatadog thinkTime(double seconds) {
        dispatcher.thinkTime(Duration.ofMillis((long) (seconds * 1000)));
        return this;
    }

    /**
     * Enforces a fixed rate-limit window from the next request on: {@code limit} requests per {@code periodSeconds},
     * with Datadog's {@code x-ratelimit-*} headers on every answer and 429 over the limit. A limit of 0 lifts it.
     */
    public FakeDatadog rateLimit(int limit, double periodSeconds) {
        dispatcher.rateLimit(limit == 0 ? null : new RateLimitWindow(limit, periodSeconds));
        return this;
    }

    /**
     * Keeps no requests, only the {@link #traffic}: for benchmarks, whose hundreds of thousands of requests would
     * fill the memory. {@link #requests} stays empty.
     */
    public synchronized FakeDatadog keepNoRequests() {
        dispatcher.stopRecording();
        if (drain == null) {
            // MockWebServer queues every request for takeRequest(): take them as they come.
            drain = new Thread(
                    () -> {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                server.takeRequest();
                            }
                        } catch (InterruptedException e) {
                            // Closed.
                        }
                    },
                    "fake-datadog-drain");
            drain.setDaemon(true);
            drain.start();
        }
        return this;
    }

    /**
     * Answers requests whose path starts with {@code pathPrefix} itself, before any key check, and leaves them out of
     * the requests and the traffic: for a benchmark's control endpoints.
     */
    public FakeDatadog serve(String pathPrefix, Function<ReceivedRequest, CannedAnswer> endpoint) {
        dispatcher.serve(pathPrefix, endpoint);
        return this;
    }

    /** What the API saw since the start or the last {@link #resetTraffic}. */
    public Traffic traffic() {
        return dispatcher.traffic().snapshot();
    }

    /** Starts the {@link #traffic} counts over. */
    public FakeDatadog resetTraffic() {
        dispatcher.traffic().reset();
        return this;
    }

    /** The most requests the fake had in progress at once: above 1 only when the plugin worked in parallel. */
    public int maxConcurrentRequests() {
        return traffic().maxInFlight();
    }

    @Override
    public List<ReceivedRequest> requests() {
        return dispatcher.received();
    }

    @Override
    public synchronized void close() {
        server.close();
        if (drain != null) {
            drain.interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeDatadog[" + url() + ", " + requests().size() + " requests]";
    }
}
