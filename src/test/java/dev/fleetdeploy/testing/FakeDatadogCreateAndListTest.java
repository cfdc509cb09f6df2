package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's creates (configure, upgrade, dry run) and its list, over real loopback HTTP. */
class FakeDatadogCreateAndListTest {
    private static final String API_KEY = "test-api-key-1";
    private static final String APP_KEY = "test-app-key-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeClient client = new FakeClient();
    private FakeDatadog fake;

    @BeforeEach
    void start() {
        fake = FakeDatadog.start(API_KEY, APP_KEY)
                .clock(java.time.Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        fake.deployment(
                "old", "failed", List.of(FakeHost.failed("web-01", "disk full"), FakeHost.of("web-02", "succeeded")));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String configure(String query, boolean dryRun) {
        return "{\"data\":{\"type\":\"deployment\",\"attributes\":{\"config_operations\":[{\"file_op\":\"merge-patch\","
                + "\"file_path\":\"/datadog.yaml\",\"patch\":{\"log_level\":\"info\"}}],\"filter_query\":\"" + query
                + "\"" + (dryRun ? ",\"dry_run\":true" : "") + "}}}";
    }

    private static String upgrade(String query) {
        return "{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":\"" + query
                + "\",\"target_packages\":[{\"name\":\"datadog-agent\",\"version\":\"7.52.0\"}]}}}";
    }

    @Test
    void aDryRunAnswers200WithTheHostsItWouldReachAndCreatesNothing() throws Exception {
        JsonNode data = data(post("configure", configure("hostname:web-01 OR hostname:nowhere", true)), 200);

        assertThat(data.path("id").asText()).isEqualTo("dry-run");
        assertThat(data.path("attributes").path("total_hosts").asInt()).isEqualTo(1);
        assertThat(data.path("attributes")
                        .path("dry_run")
                        .path("config_validated")
                        .asBoolean())
                .isTrue();
        assertThat(fake.created()).isEmpty();
    }

    @Test
    void aConfigureCreatesAPendingDeploymentOfTheMatchedHostsAndAnswers201() throws Exception {
        JsonNode data = data(post("configure", configure("hostname:web-01 OR hostname:web-02", false)), 201);

        assertThat(data.path("id").asText()).isEqualTo("created-1");
        assertThat(JsonFields.of(data.path("attributes")))
                .containsAllEntriesOf(Map.of(
                        "status",
                        "pending",
                        "update_type",
                        "update_config_operations",
                        "started_at",
                        String.valueOf(Instant.parse("2026-11-21T10:00:00Z").getEpochSecond())));
        FakeDeployment created = fake.created().get(0);
        assertThat(created.hosts()).extracting(FakeHost::hostname).containsExactly("web-01", "web-02");
        assertThat(created.info().configOperations())
                .containsExactly(Map.of(
                        "file_op", "merge-patch", "file_path", "/datadog.yaml", "patch", Map.of("log_level", "info")));
        assertThat(get("/api/v2/fleet/deployments/created-1").statusCode()).isEqualTo(200);
    }

    @Test
    void anUpgradeWhileAnotherRunsOnOneOfItsHostsAnswers409() throws Exception {
        fake.deployment("running", "running", List.of(FakeHost.of("web-02", "running")));

        assertThat(post("upgrade", upgrade("hostname:web-02")).statusCode()).isEqualTo(409);
        assertThat(post("upgrade", upgrade("hostname:web-01")).statusCode()).isEqualTo(201);
    }

    @Test
    void whatTheSpecRefusesAnswers400() throws Exception {
        assertThat(post("configure", configure("hostname:nowhere", false)).body())
                .contains("does not match any host");
        assertThat(post("configure", configure("env:prod", false)).body()).contains("understands only");
        assertThat(post(
                                "upgrade",
                                "{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":\"hostname:web-01\"}}}")
                        .body())
                .contains("target_packages is required");
        assertThat(post(
                                "configure",
                                "{\"data\":{\"type\":\"deployment\",\"attributes\":{\"filter_query\":\"hostname:web-01\"}}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(fake.created()).isEmpty();
    }

    @Test
    void answerAfterCreatingMakesTheDeploymentAndSendsTheCannedAnswer() throws Exception {
        fake.answerAfterCreating(CannedAnswer.errors(504, "Gateway Timeout"));

        assertThat(post("configure", configure("hostname:web-01", false)).statusCode())
                .isEqualTo(504);
        assertThat(fake.created()).extracting(FakeDeployment::id).containsExactly("created-1");
    }

    @Test
    void theListPagesByNumberAndSortsByStartDateNewestFirst() throws Exception {
        for (int i = 1; i <= 4; i++) {
            fake.deployment("d" + i, i % 2 == 0 ? "running" : "completed", 1);
        }

        JsonNode first = JSON.readTree(get("/api/v2/fleet/deployments?page_size=2&page_number=0&sort=start_date")
                .body());
        JsonNode last = JSON.readTree(get("/api/v2/fleet/deployments?page_size=2&page_number=2&sort=start_date")
                .body());
        JsonNode unsorted =
                JSON.readTree(get("/api/v2/fleet/deployments?page_size=100").body());

        assertThat(first.path("data").findValuesAsText("id")).containsExactly("d4", "d3");
        assertThat(last.path("data").findValuesAsText("id")).containsExactly("old");
        assertThat(first.path("meta").path("page").path("total_count").asInt()).isEqualTo(5);
        assertThat(unsorted.path("data").findValuesAsText("id")).containsExactly("old", "d1", "d2", "d3", "d4");
        JsonNode item = first.path("data").get(0).path("attributes");
        assertThat(item.path("status").asText()).isEqualTo("running");
        assertThat(item.path("author").asText()).isEqualTo("it@example.com");
        assertThat(item.has("started_at")).isTrue();
        assertThat(get("/api/v2/fleet/deployments?sort=name").statusCode()).isEqualTo(400);
        fake.sortUnsupported();
        assertThat(get("/api/v2/fleet/deployments?sort=start_date").statusCode())
                .isEqualTo(400);
    }

    @Test
    void listAndCreatesTakeForcedAnswersUnderTheirOwnKeys() throws Exception {
        fake.answerOnce(FakeDatadog.LIST, CannedAnswer.errors(403, "Forbidden"));
        fake.answerOnce(FakeDatadog.CONFIGURE, CannedAnswer.errors(500, "boom"));

        assertThat(get("/api/v2/fleet/deployments").statusCode()).isEqualTo(403);
        assertThat(post("configure", configure("hostname:web-01", false)).statusCode())
                .isEqualTo(500);
        assertThat(fake.created()).isEmpty();
    }

    /** The answer's {@code data}, after checking its status. */
    private static JsonNode data(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).path("data");
    }

    private HttpResponse<String> post(String create, String body) throws IOException, InterruptedException {
        return client.post(
                fake.url() + "/api/v2/fleet/deployments/" + create,
                "application/json",
                body,
                "DD-API-KEY",
                API_KEY,
                "DD-APPLICATION-KEY",
                APP_KEY);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send("GET", fake.url() + pathAndQuery, "DD-API-KEY", API_KEY, "DD-APPLICATION-KEY", APP_KEY);
    }
}
