package dev.fleetdeploy.core;

import static dev.fleetdeploy.core.TestOutcomes.refusedCancel;
import static dev.fleetdeploy.core.TestOutcomes.succeeded;
import static dev.fleetdeploy.core.TestOutcomes.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub Actions job summary: a Markdown table no server's words can break, written only where asked for. */
class JobSummaryTest {
    @TempDir
    Path folder;

    private static RunReport report() {
        FleetTarget target = target(TargetName.named("eu"), "k7Q-3mX-p9Z", "gone", "made");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("succeeded", 12L);
        counts.put("canceled", 30L);
        DeploymentStatus status = new DeploymentStatus("canceled", true, "hosts", 42L, counts, List.of());
        return new RunReport(
                Operation.CANCEL,
                false,
                List.of(
                        succeeded(target, "k7Q-3mX-p9Z", new ActionResult(200, "stopping", "requested"), status),
                        refusedCancel(
                                target,
                                "gone",
                                404,
                                "HTTP 404 Not Found: Deployment not found",
                                "Check the deployment id."),
                        succeeded(target, "made", new ActionResult(201, "pending", null, null, 2, "new-9xq"), null)));
    }

    @Test
    void oneRowPerDeploymentWithItsResultStateCountsAndCreatedDeployment() {
        assertThat(JobSummary.markdown(report()))
                .isEqualTo("### fleet:cancel-deployment\n\n"
                        + "Cancel: 2 of 3 deployments done; failed: target 'eu':gone.\n\n"
                        + "| deployment | target | operation | result | state | counts | created deployment |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- |\n"
                        + "| k7Q-3mX-p9Z | eu | cancel | succeeded | canceled | 42 hosts: 12 succeeded, 30 canceled |  |\n"
                        + "| gone | eu | cancel | failed: HTTP 404 Not Found: Deployment not found |  |  |  |\n"
                        + "| made | eu | cancel | succeeded | pending |  | new-9xq |\n\n");
    }

    @Test
    void everyCellIsOneCleanLineWithNoMarkdownOfItsOwn() {
        assertThat(JobSummary.cell("a|b `code` <img src=x> \\| & line\r\n| x |"))
                .isEqualTo("a\\|b \\`code\\` &lt;img src=x&gt; \\\\\\| &amp; line\\\\u000d\\\\u000a\\| x \\|");
        assertThat(JobSummary.cell("x".repeat(900))).hasSize(500);
        assertThat(JobSummary.cell(null)).isEmpty();
    }

    @Test
    void aHostileStateCannotAddARowOrAColumn() {
        FleetTarget target = target(TargetName.TOP_LEVEL, "a");
        RunReport report = new RunReport(
                Operation.STATUS,
                false,
                List.of(succeeded(
                        target,
                        "a",
                        null,
                        new DeploymentStatus(
                                "ok |\n| forged | row |", true, "hosts", 1L, Map.of("x|y", 1L), List.of()))));
        String markdown = JobSummary.markdown(report);
        List<String> rows =
                markdown.lines().filter(line -> line.startsWith("| a ")).toList();
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.replace("\\|", "")).matches("\\|( [^|]* \\|){7}"));
        assertThat(markdown).doesNotContain("\n| forged");
    }

    @Test
    void itIsAppendedToTheFileTheEnvironmentNamesAndNothingIsWrittenWithoutOne() throws Exception {
        Path file = folder.resolve("step_summary_1");
        Files.writeString(file, "# Earlier step\n");
        Environment env = Environment.of(Map.of(JobSummary.VARIABLE, file.toString()));
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("new-9xq"));

        JobSummary.append(report(), JobSummary.file(env).orElseThrow(), masker);

        assertThat(Files.readString(file))
                .startsWith("# Earlier step\n### fleet:cancel-deployment")
                .contains("| made | eu | cancel | succeeded | pending |  | **** |");
        assertThat(JobSummary.file(Environment.of(Map.of()))).isEmpty();
        assertThat(JobSummary.file(Environment.of(Map.of(JobSummary.VARIABLE, " "))))
                .isEmpty();
        assertThat(Files.list(folder)).containsExactly(file);
    }
}
