package dev.fleetdeploy.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpResponse;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.RecordingLog;
import dev.fleetdeploy.testing.StatusLine;
import dev.fleetdeploy.testing.TestHttp;
import java.lang.reflect.Constructor;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MSAL's HTTP client: what MSAL asks for goes through the plugin's transport to the configured place only, mapped
 * from the https view MSAL is given; anything else is refused unsent. (MSAL builds its requests itself; here they
 * are built as MSAL builds them.)
 */
class MsalTransportTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private final RecordingLog log = new RecordingLog();
    private final SecretMasker masker = new SecretMasker();
    private final HttpTransport transport = cleanup.add(TestHttp.transport(TestHttp.retries(0), log));

    /** MSAL's HttpRequest constructors are its own; the tests reach them as MSAL does, from inside. */
    private static HttpRequest request(HttpMethod method, String url, Map<String, String> headers, String body)
            throws Exception {
        Constructor<HttpRequest> constructor =
                HttpRequest.class.getDeclaredConstructor(HttpMethod.class, String.class, Map.class, String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(method, url, headers, body);
    }

    private MsalTransport authority(String realPath) {
        HttpUrl real = server.url(realPath);
        HttpUrl msalView = new HttpUrl.Builder()
                .scheme("https")
                .host(real.host())
                .port(real.port())
                .build();
        return new MsalTransport(transport, masker, new MsalRoute(msalView, real));
    }

    @Test
    void anAuthorityRequestGoesToTheConfiguredHostAndPath() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .status(StatusLine.of(200))
                .addHeader("Content-Type", "application/json")
                .body("{\"access_token\":\"t\"}")
                .build());
        MsalTransport msal = authority("/entra/");
        String msalUrl = "https://" + server.getHostName() + ":" + server.getPort() + "/tenant-1/oauth2/v2.0/token";

        IHttpResponse answer = msal.send(request(
                HttpMethod.POST,
                msalUrl,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8", "x-client-SKU", "MSAL.Java"),
                "grant_type=client_credentials&client_secret=s3cret-value-0123"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getTarget()).isEqualTo("/entra/tenant-1/oauth2/v2.0/token");
        assertThat(sent.getHeaders().get("x-client-SKU")).isEqualTo("MSAL.Java");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.getBody().utf8()).isEqualTo("grant_type=client_credentials&client_secret=s3cret-value-0123");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"access_token\":\"t\"}");
        assertThat(msal.lastResponse().code()).isEqualTo(200);
        assertThat(msal.attempts()).isEqualTo(1);
        assertThat(log.text()).doesNotContain("s3cret-value-0123");
    }

    @Test
    void anotherHostIsRefusedAndNothingIsSent() throws Exception {
        MsalTransport msal = authority("/");

        Throwable refused = catchThrowable(() -> msal.send(request(
                HttpMethod.GET,
                "https://login.microsoftonline.com/common/discovery/instance?api-version=1.1",
                Map.of(),
                null)));

        assertThat(refused).isInstanceOf(MsalTransport.NoAnswerForMsal.class);
        assertThat(msal.lastFailure().detail())
                .startsWith("MSAL asked for https://login.microsoftonline.com:443, which is not the configured");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anotherPortOrSchemeOfTheSameHostIsRefusedToo() throws Exception {
        MsalTransport msal = new MsalTransport(transport, masker, MsalRoute.to(server.url("/")));

        catchThrowable(() -> msal.send(request(
                HttpMethod.GET,
                "http://" + server.getHostName() + ":" + (server.getPort() + 1) + "/x",
                Map.of(),
                null)));
        catchThrowable(() -> msal.send(request(
                HttpMethod.GET, "https://" + server.getHostName() + ":" + server.getPort() + "/x", Map.of(), null)));

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void identityHeadersAreMaskedAndRegistered() throws Exception {
        server.enqueue(
                new MockResponse.Builder().status(StatusLine.of(200)).body("{}").build());
        MsalTransport msal = new MsalTransport(transport, masker, MsalRoute.to(server.url("/")));

        msal.send(request(
                HttpMethod.GET,
                server.url("/msi/token?resource=r").toString(),
                Map.of("X-IDENTITY-HEADER", "identity-header-value-77", "Authorization", "Basic arc-key-content-88"),
                null));

        assertThat(server.takeRequest().getHeaders().get("X-IDENTITY-HEADER")).isEqualTo("identity-header-value-77");
        assertThat(log.text())
                .contains("X-IDENTITY-HEADER: ****")
                .doesNotContain("identity-header-value-77")
                .doesNotContain("arc-key-content-88");
        assertThat(masker.mask("key arc-key-content-88")).isEqualTo("key ****");
    }
}
