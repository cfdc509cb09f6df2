package dev.fleetdeploy.faults;

import static dev.fleetdeploy.faults.FaultAnswers.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.http.ApiRequest;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.testing.FakeTime;
import dev.fleetdeploy.testing.RecordingLog;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer's body is hostile or useless: a gateway's 10 MB error page, an endless JSON, nothing at all, HTML,
 * line breaks and terminal escapes, or a success whose body cannot be read. At most 1 MB is read, every message
 * stays one short line, and a 2xx is a success whatever its body says (with a warning when it cannot be read).
 */
class BodyFaultsTest {
    /** What one failure line may be at most, whatever the server sent. */
    private static final int SHORT = 600;

    private static final int TEN_MB = 10 * 1024 * 1024;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private FaultRig datadog() {
        return FaultRig.datadog(FaultRig.baseUrl(server));
    }

    /** A load balancer's error page, {@code size} characters long, its title first. */
    private static String hugeHtml(String title, int size) {
        StringBuilder page = new StringBuilder(size + 100)
                .append("<!DOCTYPE html>\n<html><head><title>")
                .append(title)
                .append("</title></head><body>\n");
        String filler =
                "<p>upstream connect error or disconnect/reset before headers; retried and the latest reset reason: overflow</p>\n";
        while (page.length() < size - 20) {
            page.append(filler);
        }
        return page.append("</body></html>\n").toString();
    }

    private static MockResponse html(int code, String body) {
        return status(code)
                .addHeader("Content-Type", "text/html; charset=utf-8")
                .body(body)
                .build();
    }

    private static void assertEveryLineBounded(FaultRig rig) {
        for (String line : rig.log.lines()) {
            assertThat(line.length())
                    .as("log line: " + line.substring(0, Math.min(120, line.length())))
                    .isLessThan(2_400);
        }
    }

    @Test
    void aTenMegabyteHtmlErrorPageBecomesOneShortLine() throws Exception {
        server.enqueue(html(502, hugeHtml("502 Bad Gateway", TEN_MB)));
        FaultRig rig = datadog().retries(0);

        Run run = rig.cancel("dep-1");

        assertThat(run.message())
                .isEqualTo(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 502 Bad Gateway: an HTML page:"
                                + " 502 Bad Gateway. Datadog had an error on its side: try again later, and see https://status.datadoghq.com.")
                .hasSizeLessThan(SHORT);
        assertThat(server.getRequestCount()).isEqualTo(1);
        // The debug line of the answer shows 2,000 characters of the body at most.
        assertThat(rig.log.lines())
                .filteredOn(line -> line.startsWith("[DEBUG] <- 502 Bad Gateway for POST "))
                .singleElement()
                .satisfies(line -> assertThat(line.length()).isLessThan(2_300))
                .asString()
                .endsWith("…");
        assertEveryLineBounded(rig);
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(5));
        rig.assertNoSecretShown(run.message());
    }

    @Test
    void aTenMegabyteErrorPageOnEveryRetryStaysBoundedToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(html(503, hugeHtml("Service Temporarily Unavailable", TEN_MB)));
        }
        FaultRig rig = datadog().retries(2);

        Run run = rig.cancel("dep-1");

        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP 503 Service Unavailable: an"
                        + " HTML page: Service Temporarily Unavailable.")
                .hasSizeLessThan(SHORT);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertEveryLineBounded(rig);
        assertThat(run.wallTime()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theTransportReadsOneMegabyteAndSaysItCutTheRest() throws Exception {
        server.enqueue(html(502, hugeHtml("502 Bad Gateway", TEN_MB)));
        FakeTime time = new FakeTime();
        RecordingLog log = new RecordingLog();
        HttpSettings settings = new HttpSettings(
                Duration.ofSeconds(2), Duration.ofSeconds(5), RetryPolicy.withRetries(0), 1, List.of());
        try (HttpTransport transport = new HttpTransport(settings, log, MavenTerms.TERMS, time, time.clock())) {
            ApiResponse response = transport.send(ApiRequest.post(server.url("/api/v2/fleet/deployments/dep-1/cancel"))
                    .secretHeader("DD-API-KEY", Secret.of(FaultRig.DD_API_KEY))
                    .build());

            assertThat(response.code()).isEqualTo(502);
            assertThat(response.truncated()).isTrue();
            assertThat((long) response.body().length()).isEqualTo(HttpTransport.MAX_BODY_BYTES);
        }
        FaultRig.assertNoSecretIn(log.text());
    }

    @Test
    void aHugeJsonErrorIsCutToOneLine() throws Exception {
        server.enqueue(FaultAnswers.json(500, "{\"errors\":[\"" + "boom ".repeat(400_000) + "\"]}"));

        Run run = datadog().retries(0).cancel("dep-1");

        String lead = "Datadog cancel of deployment 'dep-1' failed: HTTP 500 Internal Server Error: ";
        String hint = ". Datadog had an error on its side: try again later, and see https://status.datadoghq.com.";
        assertThat(run.message()).startsWith(lead).endsWith(hint);
        // The API's words are cut to 500 characters, whatever their length.
        assertThat(run.message().substring(lead.length(), run.message().length() - hint.length()))
                .startsWith("{\"errors\":[\"boom boom")
                .endsWith("…")
                .hasSize(500);
    }

    @Test
    void anEmptyErrorBodySaysSo() throws Exception {
        server.enqueue(status(500).build());

        Run run = datadog().retries(0).cancel("dep-1");

        assertThat(run.message())
                .isEqualTo(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 500 Internal Server Error with"
                                + " no error text. Datadog had an error on its side: try again later, and see https://status.datadoghq.com.");
    }

    @Test
    void anHtmlPageWithoutContentTypeOrTitleIsSummarisedByItsHeading() throws Exception {
        server.enqueue(status(503)
                .body("<!DOCTYPE html>\n<html><body>\n<h1>  Service\n down  </h1><p>" + "x".repeat(5000)
                        + "</p></body></html>")
                .build());

        Run run = datadog().retries(0).cancel("dep-1");

        assertThat(run.message())
                .isEqualTo(
                        "Datadog cancel of deployment 'dep-1' failed: HTTP 503 Service Unavailable: an"
                                + " HTML page: Service down. Datadog had an error on its side: try again later, and see https://status.datadoghq.com.");
    }

    /** Line breaks that would forge log lines, and terminal escapes that would rewrite them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "denied\\r\\n[INFO] BUILD SUCCESS\\n[INFO] all good|denied [INFO] BUILD SUCCESS [INFO] all good.",
                "denied\\u001b[2K\\u001b[1A\\u0007\\u0000 by policy|denied"
            })
    void controlCharactersInAnErrorBodyReachNeitherTheMessageNorTheLog(String error, String shown) throws Exception {
        server.enqueue(FaultAnswers.json(403, "{\"errors\":[\"" + error + "\"]}"));

        Run run = datadog().cancel("dep-1");

        assertThat(run.message())
                .startsWith("Datadog cancel of deployment 'dep-1' failed: HTTP 403 Forbidden: " + shown)
                .doesNotContainPattern("\\p{Cntrl}");
        assertThat(run.log().lines()).noneMatch(line -> line.chars().anyMatch(Character::isISOControl));
    }

    @Test
    void aCancelAnswered200WithAnHtmlBodyIsASuccessWithAWarning() throws Exception {
        server.enqueue(html(200, "<html><head><title>Request accepted</title></head><body>ok</body></html>"));

        Run run = datadog().cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200");
        assertThat(run.log().lines())
                .contains("[WARNING] Datadog deployment 'dep-1': the answer's body is not the JSON Datadog"
                        + " sends (an HTML page: Request accepted), but its status says the cancel was accepted.");
        assertThat(run.report().hasFailures()).isFalse();
    }

    @Test
    void aCancelAnswered200WithAnEndlessJsonIsASuccessWithAShortWarning() throws Exception {
        server.enqueue(FaultAnswers.json(
                200,
                "{\"data\":{\"attributes\":{\"status\":\"stopping\",\"message\":\"" + "z".repeat(3_000_000) + "\"}}}"));
        FaultRig rig = datadog();

        Run run = rig.cancel("dep-1");

        run.success();
        assertThat(rig.log.lines())
                .filteredOn(line -> line.startsWith("[WARNING]"))
                .singleElement()
                .asString()
                .startsWith(
                        "[WARNING] Datadog deployment 'dep-1': the answer's body is not the JSON Datadog sends ({\"data\"")
                .endsWith("but its status says the cancel was accepted.")
                .hasSizeLessThan(SHORT + 200);
        assertEveryLineBounded(rig);
    }

    @Test
    void aCancelAnswered204WithNothingIsAPlainSuccess() throws Exception {
        server.enqueue(status(204).build());

        Run run = datadog().cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 204");
        assertThat(run.log().text()).doesNotContain("[WARNING]");
    }

    @Test
    void aStatusReadAnswered200WithALoginPageFailsSayingItIsNotTheApi() throws Exception {
        server.enqueue(html(
                200, "<html><head><title>Sign in</title></head><body>" + "y".repeat(2_000_000) + "</body></html>"));

        Run run = datadog().run(Operation.STATUS, "dep-1");

        assertThat(run.message())
                .isEqualTo("Datadog status of deployment 'dep-1' failed: HTTP 200 OK: the body is not the"
                        + " JSON the Datadog API sends (an HTML page: Sign in). The answer did not come from the Datadog API: check the"
                        + " baseUrl and any proxy in between.");
    }

    @Test
    void aduCancelAnswered200WithAnUnreadableBodyIsASuccessWithAWarning() throws Exception {
        server.enqueue(html(200, "<html><body>Accepted</body></html>"));

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        assertThat(run.success().action().summary()).isEqualTo("HTTP 200: accepted");
        assertThat(run.log().lines())
                .contains(
                        "[WARNING] Azure Device Update deployment 'dep-1', subgroup 'dc1': the answer came"
                                + " with a body that is not a deployment, so the deployment's flags are unknown; its status says the request was accepted.");
    }

    @Test
    void aduCancelAnswered202WithNoBodyIsASuccessWithAWarning() throws Exception {
        server.enqueue(status(202).build());

        Run run = FaultRig.adu(FaultRig.baseUrl(server)).cancel("dep-1");

        run.success();
        assertThat(run.log().lines())
                .anyMatch(line -> line.startsWith("[WARNING]") && line.contains("the answer came with no body"));
    }

    @Test
    void aduTenMegabyteErrorPageBecomesOneShortLineWithoutTheToken() throws Exception {
        server.enqueue(html(502, hugeHtml("502 Bad Gateway", TEN_MB)));
        FaultRig rig = FaultRig.adu(FaultRig.baseUrl(server)).retries(0);

        Run run = rig.cancel("dep-1");

        String requestId = server.takeRequest().getHeaders().get("x-ms-client-request-id");
        assertThat(run.message())
                .isEqualTo("Azure Device Update cancel of deployment 'dep-1', subgroup 'dc1' failed: HTTP 502"
                        + " Bad Gateway: an HTML page: 502 Bad Gateway. Azure Device Update had an error on its side: try again later,"
                        + " and see https://azure.status.microsoft/. Support ids: x-ms-client-request-id " + requestId
                        + ".");
        assertEveryLineBounded(rig);
        rig.assertNoSecretShown(run.message());
    }
}
