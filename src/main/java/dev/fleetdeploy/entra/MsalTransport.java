package dev.fleetdeploy.entra;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.HttpTransport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * MSAL's HTTP client: every request MSAL makes goes through the plugin's {@link HttpTransport} (settings.xml proxies,
 * timeouts, the execution's deadline, retries, masked logging, same-origin redirects), and only to the one place the
 * user configured. A request to any other origin is refused unsent, so MSAL can make no call the user did not ask
 * for (instance discovery, authority validation, regional endpoints, telemetry elsewhere).
 *
 * <p>MSAL takes https authorities only and reads the tenant from the first path segment
 * (docs/entra-id.md): it is handed {@code https://<host>:<port>/<tenant>/}, and this client sends its requests to the
 * configured authority host, which may be plain http on a loopback host (tests, a local token proxy) or have a path
 * of its own.
 *
 * <p>One acquisition at a time per instance (its callers are synchronized): the last answer or failure is kept, for
 * the caller to explain a refusal in the plugin's own words rather than MSAL's.
 */
final class MsalTransport implements IHttpClient {
    /** Headers that carry a credential in some managed identity source (App Service, Service Fabric, Azure Arc). */
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-identity-header", "secret");

    private final HttpTransport transport;
    private final SecretMasker masker;
    private final MsalRoute route;

    private volatile ApiResponse lastResponse;
    private volatile OperationFailure lastFailure;
    private volatile int attempts;

    /** @param route where MSAL's requests really go */
    MsalTransport(HttpTransport transport, SecretMasker masker, MsalRoute route) {
        this.transport = transport;
        this.masker = masker;
        this.route = route;
    }

    /** The text with every credential known masked: MSAL's own words may quote one. */
    String mask(String text) {
        return masker.mask(text);
    }

    /** Forgets the last exchange: called before each acquisition. */
    void begin() {
        lastResponse = null;
        lastFailure = null;
        attempts = 0;
    }

    /** The last answer MSAL was given, or null. */
    ApiResponse lastResponse() {
        return lastResponse;
    }

    /** Why the last request got no answer, or null. */
    OperationFailure lastFailure() {
        return lastFailure;
    }

    /** The requests sent since {@link #begin()}, retries included. */
    int attempts() {
        return attempts;
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws Exception {
        HttpUrl url;
        try {
            url = route.map(HttpUrl.get(request.url().toString()));
        } catch (IllegalStateException refused) {
            UnreachableException failure = new UnreachableException(
                    refused.getMessage(),
                    "MSAL tried a request the plugin does not allow: report it with the log of a -X run.",
                    null);
            lastFailure = failure;
            throw new NoAnswerForMsal(failure);
        }
        ApiRequest.Builder builder =
                request.httpMethod().name().equals("POST") ? ApiRequest.post(url) : ApiRequest.get(url);
        String contentType = "application/x-www-form-urlencoded";
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (value == null) {
                continue;
            }
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = value;
            } else if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.secretHeader(name, masker.register(Secret.of(value)));
                String part = secretPart(value);
                if (!part.equals(value)) {
                    masker.register(Secret.of(part));
                }
            } else {
                builder.header(name, value);
            }
        }
        if (request.body() != null && !request.body().isEmpty()) {
            registerCredentials(request.body());
            builder.rawBody(contentType, Secret.of(request.body()));
        }
        // Asking for a token twice changes nothing: a failed attempt may be repeated. Its answer holds a token.
        ApiRequest apiRequest = builder.repeatable().secretAnswer().build();
        ApiResponse response;
        try {
            response = transport.send(apiRequest);
        } catch (UnreachableException e) {
            lastFailure = e;
            attempts += e.attempts();
            throw new NoAnswerForMsal(e);
        }
        attempts += response.attempts();
        lastResponse = response;
        HttpResponse answer = new HttpResponse();
        answer.statusCode(response.code());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name, new ArrayList<>(response.headers().values(name)));
        }
        answer.addHeaders(headers);
        answer.body(response.body());
        return answer;
    }

    /**
     * The credentials MSAL wrote into a form (a client secret, the client assertion it signed with the certificate
     * at this moment) are registered with the masker, in their plain and form-encoded spellings, before anything is
     * sent: an echo of them in an answer or an exception is masked like any other secret.
     */
    private void registerCredentials(String form) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                continue;
            }
            String name = pair.substring(0, equals);
            if (name.equals("client_secret") || name.equals("client_assertion")) {
                String encoded = pair.substring(equals + 1);
                masker.register(Secret.of(encoded));
                String plain = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
                if (!plain.isBlank()) {
                    masker.register(Secret.of(plain));
                }
            }
        }
    }

    /** "Basic abc" and "Bearer abc" hide "abc" too, wherever it is quoted alone. */
    private static String secretPart(String value) {
        int space = value.indexOf(' ');
        return space > 0 && space < value.length() - 1 ? value.substring(space + 1) : value;
    }

    /** Carries the transport's failure through MSAL, which wraps whatever its client throws. */
    static final class NoAnswerForMsal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswerForMsal(UnreachableException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
