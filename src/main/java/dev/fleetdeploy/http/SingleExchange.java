package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.WireText;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
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
 * One attempt of a request: built for OkHttp with the standard headers, bounded by the execution's deadline, its
 * answer read up to {@link HttpTransport#MAX_BODY_BYTES}, and redirects followed on the same origin only.
 *
 * <p>OkHttp would forward every header but {@code Authorization} to another host ({@code DD-API-KEY} included) and
 * turn a POST into a GET; so a redirect is followed here only where the credentials may go anyway, and any other 3xx
 * is returned, for the provider to report with its {@code Location}.
 */
final class SingleExchange {
    private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final FleetLog log;
    private final Clock clock;
    private final Deadline deadline;
    private final Duration callTimeout;
    private final SecretMasker masker;
    private final InFlightRequests inFlight = new InFlightRequests();

    SingleExchange(
            OkHttpClient client,
            Duration callTimeout,
            FleetLog log,
            Clock clock,
            Deadline deadline,
            SecretMasker masker) {
        this.client = client;
        this.masker = masker;
        this.callTimeout = callTimeout;
        this.log = log;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** The requests on their way now. */
    InFlightRequests inFlight() {
        return inFlight;
    }

    /**
     * Sends the request once, following a {@code 307} or {@code 308} for any method, and any 3xx for a GET, while
     * it stays on the same scheme, host and port.
     *
     * @param reader reads a successful answer's body as it arrives; null to read every body up to
     *     {@link HttpTransport#MAX_BODY_BYTES}
     * @throws NoAnswer when no answer came, or the body broke off while the reader read it
     */
    <T> StreamedAnswer<T> send(ApiRequest request, BodyReader<T> reader) throws NoAnswer {
        remember(request);
        AtomicBoolean sent = new AtomicBoolean();
        ApiRequest current = request;
        Duration limit = callTimeout;
        boolean cutByDeadline = false;
        try {
            for (int hop = 0; ; hop++) {
                if (log.isDebugEnabled()) {
                    log.debug("-> " + current.describe() + " " + current.headers());
                }
                Call call = client.newCall(toOkHttp(current, sent));
                // No single exchange may run past the execution's deadline.
                Duration left = deadline.remaining(clock);
                cutByDeadline = left.compareTo(callTimeout) < 0;
                limit = cutByDeadline ? left : callTimeout;
                if (cutByDeadline) {
                    call.timeout().timeout(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
                }
                ApiResponse response;
                HttpUrl target;
                inFlight.start(current, sent);
                try (Response answer = call.execute()) {
                    if (reader != null && answer.isSuccessful()) {
                        return stream(answer, reader);
                    }
                    response = read(answer);
                    target = sameOriginRedirect(current, answer);
                } finally {
                    inFlight.done();
                }
                if (target == null || hop >= HttpTransport.MAX_REDIRECTS) {
                    return new StreamedAnswer<>(response, null);
                }
                log.debug("<- " + response.statusText() + " for " + current.describe() + ": following it to "
                        + WireText.clean(target.toString()) + " (same host)");
                current = current.withUrl(target);
            }
        } catch (IOException e) {
            throw new NoAnswer(e, sent.get(), limit, cutByDeadline);
        }
    }

    /** Whatever leaves as a credential is masked wherever an answer echoes it, in any spelling. */
    private void remember(ApiRequest request) {
        for (List<ApiRequest.Header> fields : List.of(request.headers(), request.form())) {
            for (ApiRequest.Header field : fields) {
                if (field.secret() && !field.value().isBlank()) {
                    masker.register(Secret.of(field.value()));
                }
            }
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
        boolean sameOrigin = ApiBaseUrl.sameOrigin(target, request.url());
        boolean keepsMethod = code == 307 || code == 308 || request.method().equals("GET");
        return sameOrigin && keepsMethod ? target : null;
    }

    private static Request toOkHttp(ApiRequest request, AtomicBoolean sent) {
        Request.Builder builder = SentTracker.watch(new Request.Builder().url(request.url()), sent);
        for (ApiRequest.Header header : StandardHeaders.ALL) {
            builder.header(header.name(), header.value());
        }
        for (ApiRequest.Header header : request.headers()) {
            builder.header(header.name(), header.value());
        }
        builder.method(request.method(), request.method().equals("POST") ? body(request) : null);
        return builder.build();
    }

    private static RequestBody body(ApiRequest request) {
        if (request.jsonBody() != null) {
            return RequestBody.create(request.jsonBody(), JSON);
        }
        if (request.rawBody() != null) {
            return RequestBody.create(
                    request.rawBody().content().reveal().getBytes(StandardCharsets.UTF_8),
                    MediaType.parse(request.rawBody().contentType()));
        }
        if (request.form().isEmpty()) {
            return EMPTY_BODY;
        }
        FormBody.Builder form = new FormBody.Builder();
        for (ApiRequest.Header field : request.form()) {
            form.add(field.name(), field.value());
        }
        return form.build();
    }

    /**
     * Hands a success's body to the reader while the response is open: the exchange's time limit still bounds it. The
     * answer keeps the body's first bytes only.
     */
    private static <T> StreamedAnswer<T> stream(Response answer, BodyReader<T> reader) throws IOException {
        ResponseBody responseBody = answer.body();
        BodyPrefix body = new BodyPrefix(responseBody.byteStream(), StreamedAnswer.KEPT_BYTES);
        T read = reader.read(body);
        return new StreamedAnswer<>(answerOf(answer, body.text(charset(responseBody)), body.truncated()), read);
    }

    /** Reads at most {@link HttpTransport#MAX_BODY_BYTES}: a gateway's 10 MB error page must not fill the heap. */
    private static ApiResponse read(Response answer) throws IOException {
        ResponseBody responseBody = answer.body();
        BufferedSource source = responseBody.source();
        boolean truncated = source.request(HttpTransport.MAX_BODY_BYTES + 1);
        Buffer kept = new Buffer();
        source.getBuffer()
                .copyTo(
                        kept,
                        0,
                        Math.min(
                                HttpTransport.MAX_BODY_BYTES, source.getBuffer().size()));
        return answerOf(answer, kept.readString(charset(responseBody)), truncated);
    }

    private static Charset charset(ResponseBody body) {
        MediaType type = body.contentType();
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }

    /** One attempt's answer, with the body's text as read (or its start). */
    private static ApiResponse answerOf(Response answer, String body, boolean truncated) {
        return new ApiResponse(
                answer.code(),
                answer.message(),
                answer.headers(),
                answer.header("Content-Type", ""),
                body,
                truncated,
                1,
                false,
                "");
    }
}
