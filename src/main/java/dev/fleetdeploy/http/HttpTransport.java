package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.RequestsInFlight;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.core.UserTerms;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one way requests leave the plugin: standard headers, timeouts, retries with backoff, the shared rate-limit
 * gate, proxies and masked logging all live behind it, so that every provider gets them alike. It composes one
 * client ({@link HttpClients}), one exchange at a time ({@link SingleExchange}, which follows redirects on the same
 * origin only), the retries around it ({@link RetryingSender}) and what a failure says ({@link FailureText}).
 *
 * <p>It tells the execution's {@link SecretMasker} every credential it sends, in the form it sends it: the values of
 * secret headers and form fields, and the proxies' {@code Proxy-Authorization} credentials; so that an answer that
 * echoes one back, in whatever spelling, is masked wherever it is shown.
 */
public final class HttpTransport implements AutoCloseable {
    /** Bodies larger than this are cut: status bodies are far smaller, and of an error we show one line at most. */
    public static final long MAX_BODY_BYTES = 1024L * 1024;
    /** Same-origin redirects followed in a row at most. */
    public static final int MAX_REDIRECTS = 5;

    private final OkHttpClient client;
    private final RetryingSender sender;
    private final InFlightRequests inFlight;

    /** @param terms the front end's words for the settings a failure's text names */
    public HttpTransport(HttpSettings settings, FleetLog log, UserTerms terms) {
        this(settings, log, terms, Sleeper.SYSTEM, Clock.systemUTC(), Deadline.NONE);
    }

    /** With a sleeper and clock of the test's own. */
    public HttpTransport(HttpSettings settings, FleetLog log, UserTerms terms, Sleeper sleeper, Clock clock) {
        this(settings, log, terms, sleeper, clock, Deadline.NONE);
    }

    /** @param deadline when the whole execution must be over: no attempt, retry or pause goes past it */
    public HttpTransport(
            HttpSettings settings, FleetLog log, UserTerms terms, Sleeper sleeper, Clock clock, Deadline deadline) {
        this(settings, log, terms, sleeper, clock, deadline, new SecretMasker());
    }

    /** @param masker learns every credential the transport sends, as it sends it */
    public HttpTransport(
            HttpSettings settings,
            FleetLog log,
            UserTerms terms,
            Sleeper sleeper,
            Clock clock,
            Deadline deadline,
            SecretMasker masker) {
        for (ProxyConfig proxy : settings.proxies()) {
            if (proxy.password() != null) {
                masker.registerBasicCredentials(proxy.username(), proxy.password());
            }
        }
        Duration callTimeout = HttpClients.callTimeout(settings);
        this.client = HttpClients.build(settings);
        SingleExchange exchange = new SingleExchange(client, callTimeout, log, clock, deadline, masker);
        this.inFlight = exchange.inFlight();
        this.sender = new RetryingSender(
                exchange,
                settings.retryPolicy(),
                new RateLimitGate(settings.parallelism(), log, sleeper, clock),
                new FailureText(settings, terms, deadline.describe(terms.executionTimeout())),
                log,
                sleeper,
                clock,
                deadline);
    }

    /** The requests on their way at this moment, from any thread: what a build stopped halfway reports as unknown. */
    public RequestsInFlight inFlight() {
        return inFlight;
    }

    /** What {@link #send} would send, credentials masked, for a dry run. */
    public PlannedRequest plan(ApiRequest request, String note) {
        return RequestPlan.of(request, note);
    }

    /**
     * Sends the request, repeating it as the retry policy allows, and returns the last answer, whatever its status.
     *
     * <p>A request that changes something (a cancel) is repeated too, even when an attempt may already have taken
     * effect: the answer then says so ({@link ApiResponse#earlierAttemptMayHaveApplied()}), for the provider to check
     * the deployment's state rather than report a refusal of the repeat as a failure. A request marked
     * {@link ApiRequest.Builder#neverRepeated()} (one that creates something) is not: once it may have reached the
     * server, its answer (a 5xx) or its failure ({@link UnreachableException#requestMayHaveApplied()}) comes back at
     * once.
     *
     * @throws UnreachableException when no answer came, or the execution's deadline left no time to send it
     */
    public ApiResponse send(ApiRequest request) throws UnreachableException, InterruptedException {
        return sender.send(request);
    }

    /**
     * As {@link #send}, but a successful answer's body is handed to {@code reader} as it arrives, not read into memory
     * nor cut at {@link #MAX_BODY_BYTES}: for answers whose size grows with the fleet (a deployment listing every
     * host). The retries, the rate-limit gate, the deadline and the (masked) debug log apply as to every request; a
     * body that breaks off mid-way counts as no answer. Error answers are read as by {@link #send}.
     */
    public <T> StreamedAnswer<T> stream(ApiRequest request, BodyReader<T> reader)
            throws UnreachableException, InterruptedException {
        return sender.send(request, reader);
    }

    @Override
    public void close() {
        HttpClients.shutDown(client);
    }
}
