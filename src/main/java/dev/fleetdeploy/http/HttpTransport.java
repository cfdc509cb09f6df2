package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one way requests leave the plugin: standard headers, timeouts, retries with backoff, the shared rate-limit
 * gate, proxies and masked logging all live here, so that every provider gets them alike.
 *
 * <p>Redirects are followed only on the same origin, by the transport itself. OkHttp would forward every header but
 * {@code Authorization} to another host ({@code DD-API-KEY} included) and turn a POST into a GET; any other 3xx is
 * reported to the user instead.
 */
public final class HttpTransport implements AutoCloseable {
    /** Bodies larger than this are cut: status bodies are far smaller, and of an error we show one line at most. */
    public static final long MAX_BODY_BYTES = 1024L * 1024;
    /** Same-origin redirects followed in a row at most. */
    public static final int MAX_REDIRECTS = 5;

    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

    private final OkHttpClient client;
    private final HttpSettings settings;
    private final FleetLog log;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RateLimitGate gate;
    private final String userAgent;
    private final Deadline deadline;
    private final Duration callTimeout;
    /** The limit the last exchange of this thread had, and whether the execution's deadline set it, for messages. */
    private final ThreadLocal<Duration> exchangeLimit = new ThreadLocal<>();

    private final ThreadLocal<Boolean> cutByDeadline = ThreadLocal.withInitial(() -> false);

    public HttpTransport(HttpSettings settings, FleetLog log) {
        this(settings, log, Deadline.NONE);
    }

    /** @param deadline when the whole execution must be over: no attempt, retry or pause goes past it */
    public HttpTransport(HttpSettings settings, FleetLog log, Deadline deadline) {
        this(settings, log, Sleeper.SYSTEM, Clock.systemUTC(), deadline);
    }

    /** With a sleeper and clock of the test's own. */
    public HttpTransport(HttpSettings settings, FleetLog log, Sleeper sleeper, Clock clock) {
        this(settings, log, sleeper, clock, Deadline.NONE);
    }

    public HttpTransport(HttpSettings settings, FleetLog log, Sleeper sleeper, Clock clock, Deadline deadline) {
        this.deadline = deadline;
        this.callTimeout =
                settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(5);
        this.settings = settings;
        this.log = log;
        this.sleeper = sleeper;
        this.clock = clock;
        this.gate = new RateLimitGate(settings.parallelism(), log, sleeper, clock);
        this.userAgent = UserAgent.value();
        ProxyRouting proxies = new ProxyRouting(settings.proxies());
        this.client = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // A bound on the whole exchange, so that a server that trickles bytes cannot hold a pipeline.
                .callTimeout(callTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                // We retry ourselves, counting each attempt and noting those that may have taken effect.
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new ZeroRetryAfterInterceptor())
                .proxySelector(proxies)
                .proxyAuthenticator(proxies.authenticator(userAgent))
                .eventListenerFactory(call -> new SentTracker())
                .build();
    }

    /** The headers the transport adds to every request. */
    public List<ApiRequest.Header> standardHeaders() {
        return List.of(
                new ApiRequest.Header("Accept", "application/json", false),
                new ApiRequest.Header("User-Agent", userAgent, false));
    }

    /** What {@link #send} would send, credentials masked, for a dry run. */
    public PlannedRequest plan(ApiRequest request, String note) {
        List<String> lines = new ArrayList<>();
        for (ApiRequest.Header header : request.headers()) {
            lines.add(header.display());
        }
        for (ApiRequest.Header header : standardHeaders()) {
            lines.add(header.display());
        }
        if (!request.form().isEmpty()) {
            lines.add("Content-Type: application/x-www-form-urlencoded");
            lines.add("body: " + request.displayForm());
        }
        return new PlannedRequest(request.method(), request.url().toString(), lines, note);
    }

    /**
     * Sends the request, repeating it as the retry policy allows, and returns the last answer, whatever its status.
     *
     * <p>A request that changes something (a cancel) is repeated too, even when an attempt may already have taken
     * effect: the answer then says so ({@link ApiResponse#earlierAttemptMayHaveApplied()}), for the provider to check
     * the deployment's state rather than report a refusal of the repeat as a failure.
     *
     * @throws UnreachableException when no answer came, or the execution's deadline left no time to send it
     */
    public ApiResponse send(ApiRequest request) throws UnreachableException, InterruptedException {
        RetryPolicy policy = settings.retryPolicy();
        boolean mayHaveApplied = false;
        for (int attempt = 1; ; attempt++) {
            boolean mayRetry = attempt <= policy.maxRetries();
            if (deadline.passed(clock)) {
                throw outOfTime(request, attempt, mayHaveApplied, "ran out");
            }
            Optional<RateLimitGate.Permit> permit = gate.acquire(deadline);
            if (permit.isEmpty()) {
                throw outOfTime(request, attempt, mayHaveApplied, "would run out during the API's rate-limit pause");
            }
            AtomicBoolean sent = new AtomicBoolean();
            long started = System.nanoTime();
            ApiResponse response = null;
            IOException failure = null;
            try {
                response = exchange(request, sent);
            } catch (IOException e) {
                failure = e;
            } finally {
                if (response == null) {
                    permit.get().release(null);
                }
            }
            if (response != null) {
                Duration delay = policy.delayAfter(response, attempt, clock);
                permit.get().release(response.code() == 429 ? delay : null, response);
                logAnswer(request, response, started);
                response = response.afterAttempts(attempt, mayHaveApplied);
                if (!policy.retryableStatus(response.code()) || !mayRetry) {
                    return response;
                }
                if (!deadline.allows(delay, clock)) {
                    String why = "Not retried: waiting " + seconds(delay) + " would pass " + deadline.describe() + ".";
                    log.info(request.describe() + " answered " + response.statusText() + ". " + why);
                    return response.withRetryNote(why);
                }
                log.info(request.describe() + " answered " + response.statusText() + "; retrying in " + seconds(delay)
                        + " (retry " + attempt + " of " + policy.maxRetries() + ").");
                // A server error on a cancel may come after the cancel was done.
                mayHaveApplied |= !request.idempotent() && response.code() >= 500;
                sleeper.sleep(delay);
            } else {
                mayHaveApplied |= !request.idempotent() && sent.get();
                Duration delay = policy.backoff(attempt);
                if (isCertificateFailure(failure)) {
                    // The same certificate will be refused again: no point waiting for it.
                    throw unreachable(request, failure, sent.get(), attempt, mayHaveApplied, "");
                }
                if (!mayRetry || !deadline.allows(delay, clock)) {
                    throw unreachable(
                            request,
                            failure,
                            sent.get(),
                            attempt,
                            mayHaveApplied,
                            mayRetry
                                    ? " (no retry: waiting " + seconds(delay) + " would pass " + deadline.describe()
                                            + ")"
                                    : "");
                }
                log.info(request.describe() + ": " + describeFailure(request, failure, sent.get()) + "; retrying in "
                        + seconds(delay) + " (retry " + attempt + " of " + policy.maxRetries() + ").");
                sleeper.sleep(delay);
            }
        }
    }

    /** A certificate or host name the JVM does not trust: no retry can change that. */
    private static boolean isCertificateFailure(IOException failure) {
        return failure instanceof javax.net.ssl.SSLHandshakeException
                || failure instanceof javax.net.ssl.SSLPeerUnverifiedException;
    }

    /**
     * One attempt, following redirects that stay on the same origin (scheme, host and port), where the credentials
     * may go anyway: a {@code 307} or {@code 308} for any method, any 3xx for a GET. Any other 3xx is returned, for the
     * provider to report with its {@code Location}.
     */
    private ApiResponse exchange(ApiRequest request, AtomicBoolean sent) throws IOException {
        ApiRequest current = request;
        for (int hop = 0; ; hop++) {
            if (log.isDebugEnabled()) {
                log.debug("-> " + current.describe() + " " + current.headers());
            }
            Call call = client.newCall(toOkHttp(current, sent));
            // No single exchange may run past the execution's deadline.
            Duration left = deadline.remaining(clock);
            cutByDeadline.set(left.compareTo(callTimeout) < 0);
            if (cutByDeadline.get()) {
                call.timeout().timeout(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
                exchangeLimit.set(left);
            } else {
                exchangeLimit.set(callTimeout);
            }
            ApiResponse response;
            HttpUrl target;
            try (Response answer = call.execute()) {
                response = read(answer);
                target = sameOriginRedirect(current, answer);
            }
            if (target == null || hop >= MAX_REDIRECTS) {
                return response;
            }
            log.debug("<- " + response.statusText() + " for " + current.describe() + ": following it to " + target
                    + " (same host)");
            current = current.withUrl(target);
        }
    }

    /** Where a redirect points, when it may be followed; else null. */
    private static HttpUrl sameOriginRedirect(ApiRequest request, Response answer) {
        int code = answer.code();
        if (code < 300 || code > 399 || code == 304) {
            return null;
        }
        String location = answer.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (target == null) {
            return null;
        }
        boolean sameOrigin = target.scheme().equals(request.url().scheme())
                && target.host().equals(request.url().host())
                && target.port() == request.url().port();
        boolean keepsMethod = code == 307 || code == 308 || request.method().equals("GET");
        return sameOrigin && keepsMethod ? target : null;
    }

    private Request toOkHttp(ApiRequest request, AtomicBoolean sent) {
        Request.Builder builder = new Request.Builder().url(request.url()).tag(AtomicBoolean.class, sent);
        for (ApiRequest.Header header : standardHeaders()) {
            builder.header(header.name(), header.value());
        }
        for (ApiRequest.Header header : request.headers()) {
            builder.header(header.name(), header.value());
        }
        builder.method(request.method(), request.method().equals("POST") ? body(request) : null);
        return builder.build();
    }

    private static RequestBody body(ApiRequest request) {
        if (request.form().isEmpty()) {
            return EMPTY_BODY;
        }
        FormBody.Builder form = new FormBody.Builder();
        for (ApiRequest.Header field : request.form()) {
            form.add(field.name(), field.value());
        }
        return form.build();
    }

    /** Reads at most {@link #MAX_BODY_BYTES} of the body: a gateway's 10 MB error page must not fill the heap. */
    private static ApiResponse read(Response answer) throws IOException {
        ResponseBody responseBody = answer.body();
        BufferedSource source = responseBody.source();
        boolean truncated = source.request(MAX_BODY_BYTES + 1);
        Buffer kept = new Buffer();
        source.getBuffer()
                .copyTo(kept, 0, Math.min(MAX_BODY_BYTES, source.getBuffer().size()));
        MediaType type = responseBody.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        String contentType = answer.header("Content-Type", "");
        return new ApiResponse(
                answer.code(),
                answer.message(),
                answer.headers(),
                contentType,
                kept.readString(charset),
                truncated,
                1,
                false,
                null);
    }

    private void logAnswer(ApiRequest request, ApiResponse response, long startedNanos) {
        if (log.isDebugEnabled()) {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "…" : response.body();
            if (request.secretAnswer() && response.successful()) {
                body = body.isBlank() ? "" : "(body withheld: it holds a credential)";
            }
            log.debug("<- " + response.statusText() + " for " + request.describe() + " in " + millis + " ms"
                    + (body.isBlank() ? "" : ": " + ErrorText.oneLine(body)));
        }
    }

    private UnreachableException outOfTime(ApiRequest request, int attempt, boolean mayHaveApplied, String how) {
        String what = (attempt == 1
                        ? "not sent: "
                        : "not sent again after " + (attempt - 1) + " attempt" + (attempt == 2 ? "" : "s") + ": ")
                + deadline.describe() + " " + how;
        String hint = mayHaveApplied
                ? "An earlier attempt may still have been applied: check the deployment with the deployment-status goal."
                : "Raise executionTimeout, or lower the retries and waits that used it up.";
        return new UnreachableException(what, hint, null, attempt - 1);
    }

    private UnreachableException unreachable(
            ApiRequest request, IOException failure, boolean sent, int attempts, boolean mayHaveApplied, String why) {
        String what =
                describeFailure(request, failure, sent) + (attempts > 1 ? " (" + attempts + " attempts)" : "") + why;
        String hint;
        if (mayHaveApplied) {
            hint = "The request may still have been applied: check the deployment with the deployment-status goal"
                    + " before trying again, and raise readTimeout if the API is slow.";
        } else if (failure instanceof UnknownHostException) {
            hint = "Check the site or endpoint (and baseUrl), and that this machine can resolve the host.";
        } else if (failure instanceof SSLException) {
            hint =
                    "Check that the host presents a certificate this JVM trusts; a TLS-inspecting proxy needs its CA in the JVM's trust store.";
        } else {
            hint = "Check the network, the proxy settings in settings.xml, and the site or endpoint (and baseUrl).";
        }
        return new UnreachableException(what, hint, failure, attempts);
    }

    private String describeFailure(ApiRequest request, IOException failure, boolean sent) {
        String host = request.url().host() + ":" + request.url().port();
        if (failure instanceof UnknownHostException) {
            return "could not resolve the host " + request.url().host();
        }
        if (failure instanceof ConnectException) {
            return "could not connect to " + host + " (" + failure.getMessage() + ")";
        }
        if (failure instanceof SocketTimeoutException) {
            return sent
                    ? "no answer from " + host + " within " + seconds(settings.readTimeout()) + " (readTimeout)"
                    : "no connection to " + host + " within " + seconds(settings.connectTimeout())
                            + " (connectTimeout)";
        }
        if (failure instanceof SSLException) {
            return "the TLS handshake with " + host + " failed (" + failure.getMessage() + ")";
        }
        if (failure instanceof InterruptedIOException) {
            Duration limit = exchangeLimit.get() == null ? callTimeout : exchangeLimit.get();
            return "the exchange with " + host + " did not complete within " + seconds(limit) + " ("
                    + (cutByDeadline.get()
                            ? "what " + deadline.describe() + " left"
                            : "connectTimeout + readTimeout + 5 s")
                    + ")";
        }
        return "the connection to " + host + " failed (" + failure + ")";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void close() {
        // Maven runs on after the goal: leave no pooled connections or idle threads behind.
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Notes when a request's headers start leaving, after which it may have reached the server. */
    private static final class SentTracker extends EventListener {
        @Override
        public void requestHeadersStart(Call call) {
            AtomicBoolean sent = call.request().tag(AtomicBoolean.class);
            if (sent != null) {
                sent.set(true);
            }
        }
    }
}
