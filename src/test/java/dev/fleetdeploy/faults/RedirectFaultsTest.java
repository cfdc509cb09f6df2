package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.DD_CANCEL;
import static dev.fleetdeploy.faults.FaultAnswers.DD_STATUS;
import static dev.fleetdeploy.faults.FaultAnswers.datadogCanceled;
import static dev.fleetdeploy.faults.FaultAnswers.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.faults.FaultRig.Run;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API redirects. Credentials never leave for another origin (scheme, host and port): such a 3xx is reported,
 * naming its Location, and the other host receives nothing. On the same origin a 307 or 308 is followed for any
 * method and any 3xx for a GET; a 301, 302 or 303 to a POST is reported, since following it would turn the cancel
 * into a GET.
 */
class RedirectFaultsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Where a hostile or misconfigured API points: it must never see a request. */
    @StartStop
    final MockWebServer elsewhere = new MockWebServer();

    @AfterEach
    void nothingReachedTheOtherHost() throws InterruptedException {
        FaultRig.assertNothingReached(elsewhere);
    }

    private String base() {
        return FaultRig.baseUrl(server);
    }

    private String elsewhereUrl(String path) {
        return "http://127.0.0.1:" + elsewhere.getPort() + path;
    }

    private static MockResponse redirect(int code, String location) {
        return status(code).addHeader("Location", location).build();
    }

    private String datadogRedirectMessage(int code, String reason, String location) {
        return "Datadog cancel of deployment 'dep-1' failed: HTTP " + code + " " + reason
                + " with no error text. Datadog"
                + " answered with a redirect to " + location
                + ", which the plugin does not follow so that the keys reach no"
                + " other host: check the baseUrl (" + base() + ").";
    }

    /** A same-origin redirect that is not followed: a POST would become a GET, or it kept redirecting. */
    private String datadogSameOriginMessage(int code, String reason, String location) {
        String hint = code == 307 || code == 308
                ? "Datadog kept redirecting on its own host to " + location
                        + ", and the plugin stops after 5 redirects in a" + " row: check the baseUrl (" + base() + ")."
                : "Datadog answered with a redirect to " + location
                        + " on its own host, which would turn the request into a"
                        + " GET, so the plugin does not follow it: check the baseUrl (" + base()
                        + ") and the API generation.";
        return "Datadog cancel of deployment 'dep-1' failed: HTTP " + code + " " + reason + " with no error text. "
                + hint;
    }

    private static String reason(int code) {
        return switch (code) {
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            default -> "Permanent Redirect";
        };
    }

    @ParameterizedTest(name = "{0} to another port")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectOfTheCancelToAnotherOriginIsReportedNamingItsLocation(int code) throws Exception {
        String location = elsewhereUrl("/collect");
        server.enqueue(redirect(code, location));

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message()).isEqualTo(datadogRedirectMessage(code, reason(code), location));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.sleeps()).isEmpty();
        run.assertNoSecretShown(run.message());
    }

    @ParameterizedTest(name = "{0} to another port")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectOfAStatusReadToAnotherOriginIsNotFollowedEither(int code) throws Exception {
        server.enqueue(redirect(code, elsewhereUrl("/collect")));

        Run run = FaultRig.datadog(base()).run(Operation.STATUS, "dep-1");

        assertThat(run.message())
                .startsWith("Datadog status of deployment 'dep-1' failed: HTTP " + code)
                .contains("Datadog answered with a redirect to " + elsewhereUrl("/collect")
                        + ", which the plugin does not follow");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anotherHostNameOnTheSamePortIsAnotherOrigin() throws Exception {
        // "localhost" reaches this very server, so a request that followed the redirect would show up here.
        String location = "http://localhost:" + server.getPort() + DD_CANCEL;
        server.enqueue(redirect(307, location));
        server.enqueue(datadogCanceled());

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message()).isEqualTo(datadogRedirectMessage(307, "Temporary Redirect", location));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anotherSchemeOnTheSameHostAndPortIsAnotherOrigin() throws Exception {
        String location = "https://127.0.0.1:" + server.getPort() + DD_CANCEL;
        server.enqueue(redirect(308, location));

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message()).isEqualTo(datadogRedirectMessage(308, "Permanent Redirect", location));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSchemeRelativeLocationToAnotherHostIsAnotherOrigin() throws Exception {
        server.enqueue(redirect(307, "//127.0.0.1:" + elsewhere.getPort() + "/collect"));

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message())
                .contains("Datadog answered with a redirect to //127.0.0.1:" + elsewhere.getPort() + "/collect,");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRedirectWithoutLocationIsReported() throws Exception {
        server.enqueue(status(307).build());

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog cancel of deployment 'dep-1' failed: HTTP 307 Temporary Redirect with no"
                        + " error text. Datadog answered with a redirect, which the plugin does not follow so that the keys reach no"
                        + " other host: check the baseUrl (" + base() + ").");
    }

    @ParameterizedTest(name = "{0} on the same origin")
    @ValueSource(ints = {307, 308})
    void aSameOriginRedirectThatKeepsTheMethodIsFollowedAndTheCancelSucceeds(int code) throws Exception {
        server.enqueue(redirect(code, base() + "/api/v2/fleet/deployments/dep-1/cancel-moved"));
        server.enqueue(datadogCanceled());

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.success().action().state()).isEqualTo("stopping");
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getTarget()).isEqualTo(DD_CANCEL);
        assertThat(second.getMethod()).isEqualTo("POST");
        assertThat(second.getTarget()).isEqualTo("/api/v2/fleet/deployments/dep-1/cancel-moved");
        assertThat(second.getHeaders().get("DD-API-KEY")).isEqualTo(FaultRig.DD_API_KEY);
        assertThat(run.sleeps()).isEmpty();
        assertThat(run.log().lines())
                .anyMatch(line -> line.startsWith("[DEBUG] <- " + code + " " + reason(code) + " for POST " + base()
                        + DD_CANCEL + ": following it to " + base()
                        + "/api/v2/fleet/deployments/dep-1/cancel-moved (same host)"));
        run.assertNoSecretShown();
    }

    @Test
    void aRelativeLocationIsTheSameOrigin() throws Exception {
        server.enqueue(redirect(307, "/api/v2/fleet/deployments/dep-1/cancel-moved"));
        server.enqueue(datadogCanceled());

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        run.success();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} on the same origin, to a POST")
    @ValueSource(ints = {301, 302, 303})
    void aSameOriginRedirectThatWouldTurnTheCancelIntoAGetIsReported(int code) throws Exception {
        String location = base() + "/api/v2/fleet/deployments/dep-1/cancel-moved";
        server.enqueue(redirect(code, location));
        server.enqueue(datadogCanceled());

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message()).isEqualTo(datadogSameOriginMessage(code, reason(code), location));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} on the same origin, to a GET")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aSameOriginRedirectOfAStatusReadIsFollowed(int code) throws Exception {
        server.enqueue(redirect(code, DD_STATUS + "-moved"));
        server.enqueue(FaultAnswers.datadogDeployment("running"));

        Run run = FaultRig.datadog(base()).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).isEqualTo("running");
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getMethod()).isEqualTo("GET");
        assertThat(followed.getTarget()).isEqualTo(DD_STATUS + "-moved");
    }

    @Test
    void aRedirectLoopOnTheSameOriginEndsAfterFiveHops() throws Exception {
        for (int i = 0; i < 10; i++) {
            server.enqueue(redirect(307, DD_CANCEL));
        }

        Run run = FaultRig.datadog(base()).cancel("dep-1");

        assertThat(run.message()).isEqualTo(datadogSameOriginMessage(307, "Temporary Redirect", DD_CANCEL));
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(run.sleeps()).isEmpty();
    }

    @Test
    void aduRedirectToAnotherOriginKeepsTheTokenHome() throws Exception {
        String location = elsewhereUrl("/login");
        server.enqueue(redirect(302, location));

        Run run = FaultRig.adu(base()).cancel("dep-1");

        String requestId = server.takeRequest().getHeaders().get("x-ms-client-request-id");
        assertThat(run.message())
                .isEqualTo("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP 302"
                        + " Found with no error text. Azure Device Update answered with a redirect to " + location
                        + ", which the"
                        + " plugin does not follow so that the token reaches no other host: check the baseUrl ("
                        + base() + "). Support ids: x-ms-client-request-id " + requestId + ".");
        assertThat(server.getRequestCount()).isEqualTo(1);
        run.assertNoSecretShown(run.message());
    }

    @Test
    void aduSameOriginTemporaryRedirectIsFollowed() throws Exception {
        server.enqueue(redirect(307, FaultAnswers.ADU_CANCEL + "?api-version=2022-10-01&moved=1"));
        server.enqueue(FaultAnswers.aduDeployment(true, false));

        Run run = FaultRig.adu(base()).cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200: isCanceled=true, isRetried=false");
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getTarget()).endsWith("&moved=1");
        assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Bearer " + FaultRig.ADU_TOKEN);
    }
}
