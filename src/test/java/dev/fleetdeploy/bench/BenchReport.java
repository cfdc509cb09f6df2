package dev.fleetdeploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns {@code bench/run}'s raw figures ({@code name<TAB>value} lines, the Java benchmarks' and the shell's) into the
 * markdown table of {@code target/benchmarks/results.md}: medians, ratios measured in the same run, targets.
 *
 * <pre>BenchReport RAW.tsv RESULTS.md</pre>
 */
public final class BenchReport {
    private final Map<String, String> raw = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();

    private BenchReport(List<String> lines) {
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                raw.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        BenchReport report = new BenchReport(Files.readAllLines(Path.of(args[0])));
        String markdown = report.render();
        Files.writeString(Path.of(args[1]), markdown);
        System.out.print(markdown);
    }

    private boolean has(String key) {
        return raw.containsKey(key) && !raw.get(key).isEmpty() && !raw.get(key).equals("NaN");
    }

    private double num(String key) {
        return Double.parseDouble(raw.get(key));
    }

    private String text(String key) {
        return raw.getOrDefault(key, "?");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String ms(double millis) {
        return millis >= 10_000 ? f("%.1f s", millis / 1000) : f("%.0f ms", millis);
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    /** A measure with a target, and whether it was met. */
    private void row(String what, String plugin, String other, String ratio, String target, boolean met) {
        rows.add("| " + String.join(" | ", what, plugin, other, ratio, target, verdict(met)) + " |");
    }

    /** A measure shown for comparison, with no target. */
    private void row(String what, String plugin, String other, String ratio) {
        rows.add("| " + String.join(" | ", what, plugin, other, ratio, "—", "") + " |");
    }

    /** A text only when the run measured it, else nothing. */
    private String ifMeasured(String key, Supplier<String> text) {
        return has(key) ? text.get() : "";
    }

    /** Datadog's TypeScript client's figures (the first key tells whether they were measured), else nothing. */
    private String typeScriptClient(String format, String... keys) {
        return ifMeasured(
                keys[0],
                () -> "TypeScript client: "
                        + f(format, Stream.of(keys).map(this::num).toArray()));
    }

    /** Shows a section only when the run measured it (a benchmark may be skipped). */
    private void ifMeasured(String key, Runnable section) {
        if (has(key)) {
            section.run();
        }
    }

    private String render() {
        ifMeasured("percall.core_shared_us", this::perCall);
        ifMeasured("batch.plugin_p8_ms", this::batch);
        ifMeasured("ratelimit.plugin_ms", () -> rateLimit("ratelimit", "node.ratelimit"));
        ifMeasured("ratelimit_long.plugin_ms", () -> rateLimit("ratelimit_long", "node.ratelimit_long"));
        ifMeasured("mvn.cancel_ms", this::endToEnd);
        ifMeasured("deps.jars", this::dependencies);
        ifMeasured("heap.peak_mb", this::heap);
        ifMeasured("statusread.plugin_ms", this::statusRead);
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results\n\n");
        out.append(f(
                "Run %s on %s (%s cores, %s GiB), %s; %s; %s; node %s; %s. Command: `bench/run`%s.%n%n",
                text("info.date"),
                text("info.os"),
                text("info.nproc"),
                text("info.mem_gib"),
                text("info.java"),
                text("info.maven"),
                text("info.okhttp"),
                text("info.node"),
                text("info.curl"),
                has("info.quick") && num("info.quick") > 0 ? " (BENCH_QUICK=1: fewer rounds, figures noisier)" : ""));
        out.append("| Measure | Plugin | Compared with | Ratio | Target | |\n|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        out.append(
                "\nMedians of rounds; the ratio is the median of the rounds' own ratios where the two ran side by side"
                        + " in each round, else the ratio of the medians. All requests go to one fake Datadog on 127.0.0.1 (real"
                        + " HTTP/1.1, `src/test/java/dev/fleetdeploy/testing/FakeDatadog.java`, run by"
                        + " `src/test/java/dev/fleetdeploy/bench/StandaloneFakeDatadog.java`). Raw figures:"
                        + " `target/benchmarks/raw.tsv`.\n");
        return out.toString();
    }

    private void perCall() {
        row(
                "One cancel, connection reused: the core's `DatadogProvider.cancel` over one `HttpTransport`, 0 ms server latency",
                f("%.0f µs", num("percall.core_shared_us")),
                f("bare OkHttp request, one client: %.0f µs", num("percall.floor_shared_us")),
                f(
                        "%.2fx (rounds %.2f–%.2f)",
                        num("percall.ratio_shared"), num("percall.ratio_shared_min"), num("percall.ratio_shared_max")),
                "≤ 1.2x",
                num("percall.ratio_shared") <= 1.2);
        row(
                "One whole execution with one id: `FleetExecution.run` (settings resolved, client built, cancel, closed)",
                f("%.0f µs", num("percall.core_execution_us")),
                f("bare OkHttp, new client per request: %.0f µs", num("percall.floor_fresh_us")),
                f(
                        "%.2fx (rounds %.2f–%.2f)",
                        num("percall.ratio_execution"),
                        num("percall.ratio_execution_min"),
                        num("percall.ratio_execution_max")));
        if (has("curl.percall_ms")) {
            row(
                    "One cancel with `curl`, one process per call, 0 ms server latency",
                    "",
                    f("curl: %.1f ms", num("curl.percall_ms")),
                    f(
                            "curl / core execution: %.0fx",
                            num("curl.percall_ms") * 1000 / num("percall.core_execution_us")));
        }
    }

    private void batch() {
        double seq = num("batch.sequential_okhttp_ms");
        double p8 = num("batch.plugin_p8_ms");
        String n = f("%.0f cancels, %.0f ms server latency", num("batch.ids"), num("batch.latency_ms"));
        againstTheLoop(n + ": plugin core, default parallelism 8", p8, seq);
        againstTheLoop(n + ": plugin core, parallelism 16 (`-Dfleet.parallelism=16`)", num("batch.plugin_p16_ms"), seq);
        if (has("batch.plugin_p1_ms")) {
            row(
                    n + ": plugin core, parallelism 1",
                    ms(num("batch.plugin_p1_ms")),
                    "sequential OkHttp loop: " + ms(seq),
                    f("%.3fx", num("batch.plugin_p1_ms") / seq));
        }
        if (has("curl.batch_ms")) {
            double curl = num("curl.batch_ms");
            row(
                    n + ": plugin core (parallelism 8) vs `curl` once per id, as a pipeline step",
                    ms(p8),
                    "curl loop: " + ms(curl),
                    f("1/%.1f", curl / p8));
        }
        if (has("node.batch_ms")) {
            double node = num("node.batch_ms");
            row(
                    n + ": plugin core (parallelism 8) vs Datadog's TypeScript client, 8 at once",
                    ms(p8),
                    f("@datadog/datadog-api-client: %s (+ %s to load the client)", ms(node), ms(num("node.load_ms"))),
                    f("%.2fx", p8 / node));
        }
    }

    /** A parallel batch against the sequential OkHttp loop: the target is at most an eighth of the loop's time. */
    private void againstTheLoop(String what, double plugin, double loop) {
        row(
                what,
                ms(plugin),
                "sequential OkHttp loop: " + ms(loop),
                f("1/%.2f", loop / plugin),
                "≤ 1/8",
                loop / plugin >= 8);
    }

    private void rateLimit(String key, String nodeKey) {
        String scenario = f(
                "%.0f cancels against a window of %.0f requests per %.0f s (%.0f ms latency, parallelism %.0f)",
                num(key + ".ids"),
                num(key + ".limit"),
                num(key + ".period_s"),
                num(key + ".latency_ms"),
                num(key + ".parallelism"));
        double minimum = num(key + ".minimum_ms");
        double plugin = num(key + ".plugin_ms");
        double ratio = plugin / minimum;
        int failures = (int) num(key + ".plugin_failures");
        row(
                scenario + ": plugin core",
                f("%s, %d failed, %.0f answers 429", ms(plugin), failures, num(key + ".plugin_429")),
                "theoretical minimum: " + ms(minimum),
                f("%.2fx", ratio),
                "≤ 1.2x, 0 failures",
                ratio <= 1.2 && failures == 0);
        if (has(nodeKey + "_ms")) {
            double node = num(nodeKey + "_ms");
            row(
                    scenario + ": Datadog's TypeScript client, `enableRetry`, 8 at once",
                    "",
                    f("%s, %.0f failed, %.0f answers 429", ms(node), num(nodeKey + "_failed"), num(nodeKey + "_429")),
                    f("%.2fx the minimum", node / minimum));
        }
    }

    private void endToEnd() {
        double validate = num("mvn.validate_ms");
        double help = num("mvn.help_ms");
        double cancel = num("mvn.cancel_ms");
        double goal = num("mvn.goal_over_help_ms");
        row(
                "End to end, `mvn -q -nsu` on this machine (everything already in ~/.m2): `fleet:cancel-deployment` (one id) vs `fleet:help` vs `validate`",
                f("cancel-deployment: %s (peak RSS %.0f MB)", ms(cancel), num("mvn.cancel_rss_mb")),
                f(
                        "fleet:help: %s (%.0f MB); validate: %s (%.0f MB)",
                        ms(help), num("mvn.help_rss_mb"), ms(validate), num("mvn.validate_rss_mb")),
                f(
                        "goal: +%.0f ms over fleet:help (rounds %.0f to %.0f); fleet:help +%.0f ms over validate",
                        goal, num("mvn.goal_over_help_min_ms"), num("mvn.goal_over_help_max_ms"), help - validate),
                "≤ 300 ms",
                goal <= 300);
    }

    private void dependencies() {
        String node = typeScriptClient("%.0f npm packages, %.1f MB on disk", "node.packages", "node.modules_mb");
        row(
                "Runtime dependency closure (Maven's own jars excluded)",
                f(
                        "%.0f jars, %.2f MB (plugin jar %.2f MB included)",
                        num("deps.jars"), num("deps.mb"), num("deps.plugin_jar_mb")),
                node,
                "");
    }

    private void heap() {
        String small = ifMeasured(
                "heap.small_ok",
                () -> f(
                        "; runs in `-Xmx%.0fm`: %s",
                        num("heap.small_xmx_mb"), num("heap.small_ok") > 0 ? "yes" : "no"));
        String node =
                typeScriptClient("peak heap %.0f MB, peak RSS %.0f MB", "node.batch_heap_mb", "node.batch_rss_mb");
        row(
                "Heap: one execution of 200 cancels at 50 ms latency, in a JVM of its own (default heap)",
                f(
                        "peak heap used %.1f MB, %.1f MB live after GC (JVM peak RSS %.0f MB)%s",
                        num("heap.peak_mb"), num("heap.after_gc_mb"), num("heap.vm_hwm_mb"), small),
                node,
                "");
    }

    /** A deployment of many hosts: the plugin's streaming read against the same body read into a Jackson tree. */
    private void statusRead() {
        String what = f(
                "Status of one deployment of %,.0f hosts (%,.0f failed; a %.1f MB answer), over loopback",
                num("statusread.hosts"), num("statusread.failed_hosts"), num("statusread.body_mb"));
        row(
                what + ": the plugin's streaming read (`DatadogProvider.status`) vs the same body into a Jackson tree",
                f(
                        "%s a read, %.0f MB allocated",
                        ms(num("statusread.plugin_ms")), num("statusread.plugin_allocated_mb")),
                f(
                        "Jackson tree (`readTree`, bare OkHttp): %s, %.0f MB allocated",
                        ms(num("statusread.tree_ms")), num("statusread.tree_allocated_mb")),
                f(
                        "%.2fx (rounds %.2f–%.2f)",
                        num("statusread.ratio"), num("statusread.ratio_min"), num("statusread.ratio_max")));
        if (has("statusread.plugin_heap_peak_mb") && has("statusread.tree_heap_peak_mb")) {
            String small = has("statusread.small_xmx_mb")
                    ? f(
                            "; in `-Xmx%.0fm`: %s, and with 1,000,000 hosts: %s",
                            num("statusread.small_xmx_mb"),
                            yes("statusread.plugin_small_ok"),
                            yes("statusread.plugin_million_small_ok"))
                    : "";
            String treeSmall = has("statusread.small_xmx_mb")
                    ? f("; in `-Xmx%.0fm`: %s", num("statusread.small_xmx_mb"), yes("statusread.tree_small_ok"))
                    : "";
            row(
                    "Heap: the same status read, each in a JVM of its own (default heap): peak heap above what was live before",
                    f("%.1f MB%s", num("statusread.plugin_heap_peak_mb"), small),
                    f("Jackson tree: %.1f MB%s", num("statusread.tree_heap_peak_mb"), treeSmall),
                    "");
        }
    }

    /** "yes (peak 4.6 MB)", "no (out of memory)". */
    private String yes(String key) {
        if (!has(key)) {
            return "?";
        }
        if (num(key) <= 0) {
            return "no (out of memory)";
        }
        return has(key + "_peak_mb") ? f("yes (peak %.1f MB)", num(key + "_peak_mb")) : "yes";
    }
}
