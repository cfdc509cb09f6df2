package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The instance metadata service (IMDS), where a VM's, a scale set's or an AKS node's managed identity gets its
 * tokens: {@code http://169.254.169.254} unless {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} (which MSAL honours) or the
 * plugin's {@code imdsEndpoint} names another base URL.
 *
 * <p>Test rigs set the JVM system property {@value #TEST_DEFAULT_PROPERTY} to a closed loopback port: then nothing
 * the plugin runs in that JVM can reach the real address, whatever a test forgets to configure (pom.xml sets it for
 * every unit test).
 */
public final class ImdsEndpoint {
    /** The address Azure gives IMDS on every VM. */
    public static final String AZURE_DEFAULT = "http://169.254.169.254";

    /** The environment variable MSAL (and Azure's SDKs) read for another IMDS address. */
    public static final String VARIABLE = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

    /** A JVM property that replaces {@link #AZURE_DEFAULT}, for test rigs only. */
    public static final String TEST_DEFAULT_PROPERTY = "dev.fleetdeploy.imdsDefault";

    /** How long the {@code auto} probe waits to connect, and then for an answer: 1 s each. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private ImdsEndpoint() {}

    /** The address used when nothing else is configured. */
    public static String defaultBase() {
        String test = System.getProperty(TEST_DEFAULT_PROPERTY);
        return test == null || test.isBlank() ? AZURE_DEFAULT : test.strip();
    }

    /**
     * @param value a base URL such as {@code http://169.254.169.254}
     * @param origin where it was set, for messages
     */
    public static HttpUrl parse(String value, String origin) {
        HttpUrl url = HttpUrl.parse(value.strip());
        if (url == null || url.query() != null || !url.username().isEmpty()) {
            throw new ConfigurationException("The instance metadata endpoint '" + Quoted.of(value) + "' from " + origin
                    + " is not a base URL: write it as http://169.254.169.254 (scheme, host and port only).");
        }
        return url.newBuilder().encodedPath("/").build();
    }

    /**
     * Whether IMDS answers at {@code base}: a GET of its token path without the {@code Metadata} header, which IMDS
     * refuses with a 400 at once, no token asked for. Any HTTP answer within {@link #PROBE_TIMEOUT} (to connect, then
     * to answer) counts, as in Azure's SDKs; no proxy is used, as none can reach a link-local address.
     *
     * @return why it did not answer, or null when it did
     */
    public static String probe(HttpUrl base) {
        HttpURLConnection connection = null;
        try {
            URL url = base.newBuilder()
                    .addPathSegments("metadata/identity/oauth2/token")
                    .addQueryParameter("api-version", "2018-02-01")
                    .build()
                    .url();
            connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) PROBE_TIMEOUT.toMillis());
            connection.setReadTimeout((int) PROBE_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            drain(connection);
            return status > 0 ? null : "no HTTP answer";
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within " + PROBE_TIMEOUT.toSeconds() + " s";
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(HttpURLConnection connection) {
        try (InputStream body =
                connection.getErrorStream() != null ? connection.getErrorStream() : connection.getInputStream()) {
            if (body != null) {
                body.readNBytes(64 * 1024);
            }
        } catch (IOException e) {
            // The status was enough.
        }
    }
}
