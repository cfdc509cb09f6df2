package dev.fleetdeploy.http;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one way requests leave the plugin: standard headers, timeouts, retries with backoff, the shared rate-limit
 * gate, proxies and masked logging all live here, so that every provider gets them alike.
 *
 * <p>Redirects are never followed. OkHttp would forward every header but {@code Authorization} to the new host
 * ({@code DD-API-KEY} included) and turn a POST into a GET; a 3xx is reported to the user instead.
 */
public final class HttpTransport implements AutoCloseable {
    /** Error bodies and status bodies larger than this are cut: we show one line of them at most. */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

    private final OkHttpClient client;
    private final HttpSettings settings;
    private final FleetLog log;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RateLimitGate gate;
    private final String userAgent;

    public HttpTransport(HttpSettings settings, FleetLog log) {
        this(settings, log, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** With a sleeper and clock of the test's own. */
    public HttpTransport(HttpSettings settings, FleetLog log, Sleeper sleeper, Clock clock) {
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
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(5))
                .followRedirects(false)
                .followSslRedirects(false)
                // We retry ourselves, counting each attempt, and never repeat a POST that may have arrived.
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new ZeroRetryAfterInterceptor())
                .proxySelector(proxies)
                .proxyAuthenticator(proxies.authenticator(userAgent))
                .eventListenerFactory(call -> new SentTracker())
                .build();
    }

    /** The headers the transport adds to every request. */
    public List<ApiRequest.Header> standardHeaders() {
        return List.of(new ApiRequest.Header("Accept", "application/json", false),
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
     * @throws UnreachableException when no answer came
     */
    public ApiResponse send(ApiRequest request) throws UnreachableException, InterruptedException {
        RetryPolicy policy = settings.retryPolicy();
        for (int retry = 0; ; retry++) {
            AtomicBoolean sent = new AtomicBoolean();
            Request call = toOkHttp(request, sent);
            if (log.isDebugEnabled()) {
                log.debug("-> " + request.describe() + " " + request.headers());
            }
            long started = System.nanoTime();
            gate.acquire();
            ApiResponse response = null;
            IOException failure = null;
            try (Response answer = client.newCall(call).execute()) {
                response = read(answer);
            } catch (IOException e) {
                failure = e;
            } finally {
                if (response == null) {
                    gate.release(null);
                }
            }
            boolean mayRetry = retry < policy.maxRetries();
            if (response != null) {
                Duration delay = policy.delayAfter(response, retry + 1, clock);
                gate.release(response.code() == 429 ? delay : null);
                logAnswer(request, response, started);
                if (!policy.retryableStatus(response.code()) || !mayRetry) {
                    return response;
                }
                log.info(request.describe() + " answered " + response.statusText() + "; retrying in "
                        + seconds(delay) + " (retry " + (retry + 1) + " of " + policy.maxRetries() + ").");
                sleeper.sleep(delay);
            } else {
                // A request that may have reached the server is repeated only if repeating it is harmless.
                boolean repeatable = request.idempotent() || !sent.get();
                if (!mayRetry || !repeatable) {
                    throw unreachable(request, failure, sent.get(), retry + 1);
                }
                Duration delay = policy.backoff(retry + 1);
                log.info(request.describe() + ": " + describeFailure(request, failure, sent.get()) + "; retrying in "
                        + seconds(delay) + " (retry " + (retry + 1) + " of " + policy.maxRetries() + ").");
                sleeper.sleep(delay);
            }
        }
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

    private static ApiResponse read(Response answer) throws IOException {
        String body = answer.peekBody(MAX_BODY_BYTES).string();
        String contentType = answer.header("Content-Type", "");
        return new ApiResponse(answer.code(), answer.message(), answer.headers(), contentType, body);
    }

    private void logAnswer(ApiRequest request, ApiResponse response, long startedNanos) {
        if (log.isDebugEnabled()) {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            String body = response.body().length() > 2000 ? response.body().substring(0, 2000) + "…" : response.body();
            if (request.secretAnswer() && response.successful()) {
                body = body.isBlank() ? "" : "(body withheld: it holds a credential)";
            }
            log.debug("<- " + response.statusText() + " for " + request.describe() + " in " + millis + " ms"
                    + (body.isBlank() ? "" : ": " + body.replaceAll("\\s+", " ")));
        }
    }

    private UnreachableException unreachable(ApiRequest request, IOException failure, boolean sent, int attempts) {
        String what = describeFailure(request, failure, sent) + (attempts > 1 ? " (" + attempts + " attempts)" : "");
        String hint;
        if (sent && !request.idempotent()) {
            hint = "The request may still have been applied: check the deployment with the deployment-status goal"
                    + " before trying again, and raise readTimeout if the API is slow.";
        } else if (failure instanceof UnknownHostException) {
            hint = "Check the site or endpoint (and baseUrl), and that this machine can resolve the host.";
        } else if (failure instanceof SSLException) {
            hint = "Check that the host presents a certificate this JVM trusts; a TLS-inspecting proxy needs its CA in the JVM's trust store.";
        } else {
            hint = "Check the network, the proxy settings in settings.xml, and the site or endpoint (and baseUrl).";
        }
        return new UnreachableException(what, hint, failure);
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
                    : "no connection to " + host + " within " + seconds(settings.connectTimeout()) + " (connectTimeout)";
        }
        if (failure instanceof SSLException) {
            return "the TLS handshake with " + host + " failed (" + failure.getMessage() + ")";
        }
        if (failure instanceof InterruptedIOException) {
            return "the exchange with " + host + " did not complete in time (" + failure.getMessage() + ")";
        }
        return "the connection to " + host + " failed (" + failure + ")";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
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
