package dev.fleetdeploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetdeploy.core.JobSummary;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ReportWriter;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.faults.FaultRig.Run;
import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.Cleanup;
import dev.fleetdeploy.testing.FakeAdu;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.FakeEntra;
import dev.fleetdeploy.testing.HostileServer;
import dev.fleetdeploy.testing.HostileServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's words cannot write lines of their own into the build log, the report or the job summary: every text from
 * the network (reason phrases, cancel answers, Datadog states, error summaries, host names and host errors, ADU states,
 * subgroup ids and errors, error bodies, redirect Locations, Entra ID's errors) reaches them on one line, with line
 * breaks, terminal escapes, C1 controls and bidi overrides shown escaped, on success and failure paths alike.
 */
class HostileTextTest {
    /** What a hostile server puts in every text it can: a forged log line, colour, a C1 control and a bidi override. */
    static final String FORGED = "ok\r\n[INFO] BUILD SUCCESS\u001b[31m red\u001b[0m \u0085next \u202eexe.txt";

    /** The same without LF, for places HTTP cannot carry one (a status line, a header). */
    static final String FORGED_IN_A_LINE = "ok\r[INFO] BUILD SUCCESS\u001b[31m red\u001b[0m \u0085next \u202eexe.txt";

    /** FORGED as it must show: every active character escaped, all on one line. */
    static final String FORGED_ESCAPED =
            "ok\\u000d\\u000a[INFO] BUILD SUCCESS\\u001b[31m red\\u001b[0m \\u0085next \\u202eexe.txt";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @RegisterExtension
    final Cleanup cleanup = new Cleanup();

    private FakeDatadog datadog() {
        return cleanup.add(FakeDatadog.start(FaultRig.DD_API_KEY, FaultRig.DD_APP_KEY));
    }

    private FakeAdu adu() {
        return cleanup.add(FakeAdu.start().acceptToken(FaultRig.ADU_TOKEN));
    }

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    @Test
    void aReasonPhraseStaysOnItsLineInAFailure() throws Exception {
        HostileServer server = cleanup.add(HostileServer.start(request -> Answer.json(403, FORGED_IN_A_LINE, "")));

        Run run = FaultRig.datadog(server.url()).retries(0).cancel("dep-1");

        assertThat(run.message()).contains("HTTP 403 ok\\u000d[INFO] BUILD SUCCESS\\u001b[31m red");
        assertOneLineEverywhere(run);
    }

    @Test
    void aReasonPhraseStaysOnItsLineInASuccessToo() throws Exception {
        String body = json(Map.of("data", Map.of("attributes", Map.of("status", "stopping"))));
        HostileServer server = cleanup.add(HostileServer.start(request -> Answer.json(200, FORGED_IN_A_LINE, body)));

        Run run = FaultRig.datadog(server.url()).cancel("dep-1");

        run.success();
        // The debug log shows every answer's status line.
        assertThat(run.log().text()).contains("<- 200 ok\\u000d[INFO] BUILD SUCCESS");
        assertOneLineEverywhere(run);
    }

    @Test
    void aCancelAnswersStatusAndMessage() throws Exception {
        FakeDatadog datadog = datadog().deployment("dep-1", "running", 2);
        String body =
                json(Map.of("data", Map.of("id", "dep-1", "attributes", Map.of("status", FORGED, "message", FORGED))));
        datadog.answerOnce("dep-1", CannedAnswer.of(200, "application/json", body));

        Run run = FaultRig.datadog(datadog.url()).cancel("dep-1");

        assertThat(run.success().action().summary())
                .isEqualTo("HTTP 200, state " + FORGED_ESCAPED + ": " + FORGED_ESCAPED);
        assertOneLineEverywhere(run);
    }

    @Test
    void aDatadogStateErrorSummaryHostNameAndHostError() throws Exception {
        FakeDatadog datadog = datadog();
        Map<String, Object> host = Map.of("hostname", FORGED, "status", "failed", "error", FORGED);
        Map<String, Object> attributes = Map.of(
                "high_level_status",
                FORGED,
                "error_summary",
                FORGED,
                "total_hosts",
                1,
                "failed_hosts",
                1,
                "hosts",
                List.of(host));
        datadog.answerAlways(
                "dep-1",
                CannedAnswer.of(200, "application/json", json(Map.of("data", Map.of("attributes", attributes)))));

        Run run = FaultRig.datadog(datadog.url()).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().details())
                .containsExactly(
                        "error summary: " + FORGED_ESCAPED, "failed on " + FORGED_ESCAPED + ": " + FORGED_ESCAPED);
        assertOneLineEverywhere(run);
    }

    @Test
    void anUnstableHostStateBecomesACountNameOnOneLine() throws Exception {
        FakeDatadog datadog = datadog();
        Map<String, Object> attributes =
                Map.of("high_level_status", "running", "hosts", List.of(Map.of("hostname", "h1", "status", FORGED)));
        datadog.answerAlways(
                "dep-1",
                CannedAnswer.of(200, "application/json", json(Map.of("data", Map.of("attributes", attributes)))));

        Run run = FaultRig.datadog(datadog.url()).set("datadogApi", "unstable").run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().counts()).containsOnlyKeys(FORGED_ESCAPED);
        assertOneLineEverywhere(run);
    }

    @Test
    void anAduStateSubgroupIdAndSubgroupError() throws Exception {
        FakeAdu adu = adu();
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));
        Map<String, Object> subgroup = Map.of(
                "deviceClassId",
                FORGED,
                "deploymentState",
                FORGED,
                "error",
                Map.of("code", FORGED, "message", FORGED),
                "totalDevices",
                1,
                "devicesInProgressCount",
                0);
        String body =
                json(Map.of("groupId", "TestGroup", "deploymentState", FORGED, "subgroupStatus", List.of(subgroup)));
        adu.answerAlways("dep-1", CannedAnswer.of(200, "application/json", body));

        Run run = FaultRig.adu(adu.url()).set("deviceClassId", null).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).isEqualTo(FORGED_ESCAPED);
        assertThat(run.success().status().details())
                .singleElement()
                .asString()
                .startsWith("subgroup " + FORGED_ESCAPED);
        assertOneLineEverywhere(run);
    }

    @Test
    void anAduSubgroupIdThatTheDeploymentListsIsShownEscaped() throws Exception {
        FakeAdu adu = adu();
        adu.deployment("TestGroup", "dep-1", List.of("dc1"));
        // A bidi override is a character a path segment can carry (percent-encoded); the log shows it escaped.
        String listed = json(Map.of("deploymentId", "dep-1", "deviceClassSubgroups", List.of("dc\u202e1", "dc\r\n2")));
        adu.answerOnce("dep-1", CannedAnswer.of(200, "application/json", listed));

        Run run = FaultRig.adu(adu.url()).set("deviceClassId", null).cancel("dep-1");

        assertThat(run.message())
                .contains("deviceClassSubgroups holds 'dc\\u000d\\u000a2'")
                .doesNotContain("\u202e");
        assertOneLineEverywhere(run);
    }

    @Test
    void anErrorBody() throws Exception {
        FakeDatadog datadog = datadog().deployment("dep-1", "running", 1);
        datadog.answerAlways("dep-1", CannedAnswer.errors(400, FORGED));

        Run run = FaultRig.datadog(datadog.url()).cancel("dep-1");

        // The error reader puts white space on one line and drops controls; the rest is shown escaped.
        assertThat(run.failure().problem())
                .isEqualTo("HTTP 400 Bad Request: ok [INFO] BUILD SUCCESS[31m red[0m" + " next \\u202eexe.txt");
        assertOneLineEverywhere(run);
    }

    @Test
    void aRedirectLocation() throws Exception {
        String location = "https://elsewhere.example/\u001b[31m\u0085\u202eexe";
        HostileServer server = cleanup.add(HostileServer.start(
                request -> new Answer(307, "Temporary Redirect", Map.of("Location", location), "")));

        Run run = FaultRig.datadog(server.url()).retries(0).cancel("dep-1");

        assertThat(run.failure().hint())
                .contains("a redirect to https://elsewhere.example/\\u001b[31m\\u0085\\u202eexe,");
        assertOneLineEverywhere(run);
    }

    @Test
    void anEntraIdError() throws Exception {
        FakeEntra entra = cleanup.add(FakeEntra.start());
        entra.answerAlways(new CannedAnswer(
                401,
                Map.of("Content-Type", "application/json"),
                json(Map.of("error", "invalid_client", "error_description", FORGED))));
        FakeAdu adu = adu().trust(entra);

        Run run = FaultRig.adu(adu.url())
                .set("accessToken", null)
                .set("tenantId", "tenant-1")
                .set("clientId", "client-1")
                .set("clientSecret", "hostile-text-client-secret-0b7e")
                .set("authorityHost", entra.authorityHost())
                .cancel("dep-1");

        assertThat(run.failure().problem()).contains("\\u202eexe.txt (invalid_client)");
        assertOneLineEverywhere(run);
    }

    /**
     * No raw line break, escape, C1 control or bidi control in any line of the log, in any text field of the report,
     * or in the job summary.
     */
    private void assertOneLineEverywhere(Run run) throws IOException {
        RunReport report = run.report();
        for (String line : run.log().lines()) {
            assertThat(line).as("a log line").satisfies(HostileTextTest::hasNoActiveCharacter);
        }
        Path reportFile = workDir.resolve("report.json");
        ReportWriter.write(report, reportFile, new SecretMasker());
        for (String text : texts(JSON.readTree(reportFile.toFile()))) {
            assertThat(text).as("a report field").satisfies(HostileTextTest::hasNoActiveCharacter);
        }
        Path summary = workDir.resolve("step-summary.md");
        Files.deleteIfExists(summary);
        JobSummary.append(report, summary, new SecretMasker());
        List<String> lines = Files.readAllLines(summary);
        for (String line : lines) {
            assertThat(line).as("a job summary line").satisfies(HostileTextTest::hasNoActiveCharacter);
        }
        // One row per outcome, each of seven cells: no server's words add a row or a column.
        List<String> rows = lines.stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| deployment ") && !line.startsWith("| ---"))
                .toList();
        assertThat(rows).hasSize(report.outcomes().size());
        assertThat(rows)
                .allSatisfy(row ->
                        assertThat(row.replace("\\\\", "").replace("\\|", "")).matches("\\|( [^|]* \\|){7}"));
    }

    static void hasNoActiveCharacter(String text) {
        assertThat(text.chars()
                        .filter(c -> c == '\r'
                                || c == '\n'
                                || c == 0x1b
                                || (c >= 0x80 && c <= 0x9f)
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069)
                                || c == 0x2028
                                || c == 0x2029))
                .as("line breaks, escapes, C1 and bidi controls in: " + text)
                .isEmpty();
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    @Test
    void aNineHundredKilobyteMessageInASuccessfulCancelBecomesAShortLine() throws Exception {
        FakeDatadog datadog = datadog().deployment("dep-1", "running", 2);
        String huge = "x".repeat(900_000);
        String body = json(Map.of("data", Map.of("attributes", Map.of("status", "y".repeat(5_000), "message", huge))));
        datadog.answerOnce("dep-1", CannedAnswer.of(200, "application/json", body));

        Run run = FaultRig.datadog(datadog.url()).cancel("dep-1");

        assertThat(run.success().action().message()).hasSize(500).endsWith("…");
        assertThat(run.success().action().state()).hasSize(500);
        for (String line : run.log().lines()) {
            assertThat(line.length()).as("a log line's length").isLessThan(2_600);
        }
        ReportWriter.write(run.report(), workDir.resolve("report.json"), new SecretMasker());
        assertThat(Files.size(workDir.resolve("report.json"))).isLessThan(3_000);
    }

    @Test
    void hugeTextsInAStatusAreBoundedEach() throws Exception {
        FakeDatadog datadog = datadog();
        String huge = "y".repeat(200_000); // four of them fit the 1 MiB a body is read up to
        Map<String, Object> host = Map.of("hostname", huge, "status", "failed", "error", huge);
        Map<String, Object> attributes =
                Map.of("high_level_status", huge, "error_summary", huge, "total_hosts", 1, "hosts", List.of(host));
        datadog.answerAlways(
                "dep-1",
                CannedAnswer.of(200, "application/json", json(Map.of("data", Map.of("attributes", attributes)))));

        Run run = FaultRig.datadog(datadog.url()).run(Operation.STATUS, "dep-1");

        assertThat(run.success().status().state()).hasSize(500);
        assertThat(run.success().status().details())
                .allSatisfy(detail -> assertThat(detail.length()).isLessThanOrEqualTo(500));
        for (String line : run.log().lines()) {
            assertThat(line.length()).as("a log line's length").isLessThan(1_200);
        }
    }

    @Test
    void aServerThatInventsAStateForEveryHostGetsAtMostSixteenCounts() throws Exception {
        FakeDatadog datadog = datadog();
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            hosts.add(Map.of("hostname", "h" + i, "status", "state-" + i));
        }
        Map<String, Object> attributes = Map.of("high_level_status", "running", "hosts", hosts);
        datadog.answerAlways(
                "dep-1",
                CannedAnswer.of(200, "application/json", json(Map.of("data", Map.of("attributes", attributes)))));

        Run run = FaultRig.datadog(datadog.url()).set("datadogApi", "unstable").run(Operation.STATUS, "dep-1");

        Map<String, Long> counts = run.success().status().counts();
        assertThat(counts).hasSize(16).containsEntry("other", 75L);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(90);
    }
}
