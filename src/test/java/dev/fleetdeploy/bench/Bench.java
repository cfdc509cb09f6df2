package dev.fleetdeploy.bench;

import dev.fleetdeploy.core.ActionResult;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.http.RetryPolicy;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.FleetExecution;
import dev.fleetdeploy.providers.Providers;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestRunOptions;
import dev.fleetdeploy.testing.TestTargets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The benchmarks that drive the plugin's core in this JVM, against the fake Datadog of
 * {@link StandaloneFakeDatadog} (its own, or the one {@code --server URL} names). Plain {@code System.nanoTime} timing: warm-up first, then several rounds in which
 * the variants being compared take turns, and the median of the rounds. Each figure is printed as
 * {@code name<TAB>value}, for {@code bench/run} to collect; progress goes to stderr.
 *
 * <pre>
 * Bench percall   [--rounds 15] [--calls 400] [--fresh-calls 60] [--warmup-seconds 4]
 * Bench batch     [--ids 200] [--latency 50] [--rounds 5] [--sequential-rounds 3] [--plugin-p1-rounds 1]
 * Bench ratelimit [--ids 200] [--latency 50] [--limit 50] [--period 1] [--rounds 3] [--parallelism 8] [--key ratelimit]
 * Bench heap      [--ids 200] [--latency 50]          (run it in a JVM of its own)
 * </pre>
 */
public final class Bench {
    static final String API_KEY = "bench-api-key-0000";
    static final String APP_KEY = "bench-app-key-0000";
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final String baseUrl;
    private final OkHttpClient admin = new OkHttpClient();
    private final PrintStream out = System.out;
    /** {@code --verbose}: the core's log lines on stderr, with the milliseconds since the scenario began. */
    private FleetLog log = BenchLog.QUIET;

    private Bench(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench percall|batch|ratelimit|heap [--server URL] [options]");
        }
        Map<String, String> options = Args.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        FakeDatadog own = options.containsKey("server") ? null : StandaloneFakeDatadog.start();
        try {
            Bench bench = new Bench(own == null ? options.get("server") : own.url());
            if (options.containsKey("verbose")) {
                bench.log = BenchLog.onStderr(System.nanoTime());
            }
            switch (args[0]) {
                case "percall" -> bench.perCall(options);
                case "batch" -> bench.batch(options);
                case "ratelimit" -> bench.rateLimit(options);
                case "heap" -> bench.heap(options);
                default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
        // OkHttp's idle connection threads would keep the JVM a while.
        System.exit(0);
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private void emit(String name, double value) {
        out.printf(Locale.ROOT, "%s\t%.3f%n", name, value);
        out.flush();
    }

    private static void progress(String text) {
        System.err.println("[bench] " + text);
    }

    // ---- The server's scenario ----------------------------------------------------------------------------------

    private void configure(long latencyMillis, int limit, double periodSeconds) throws IOException {
        String url =
                baseUrl + "/_bench/config?latencyMs=" + latencyMillis + "&limit=" + limit + "&period=" + periodSeconds;
        try (Response response = admin.newCall(
                        new Request.Builder().url(url).post(EMPTY).build())
                .execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the bench server refused its configuration: " + response.code());
            }
        }
    }

    private String serverStats() throws IOException {
        try (Response response = admin.newCall(
                        new Request.Builder().url(baseUrl + "/_bench/stats").build())
                .execute()) {
            return response.body().string();
        }
    }

    private static long statsField(String json, String field) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ---- What is measured ---------------------------------------------------------------------------------------

    /** The HTTP settings the goals use by default (connectTimeout 10, readTimeout 30, maxRetries 3). */
    static HttpSettings goalHttp(int parallelism) {
        return new HttpSettings(
                Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.withRetries(3), parallelism, List.of());
    }

    /** The run options the goals use by default, apart from parallelism. */
    static RunOptions goalOptions(int parallelism) {
        return TestRunOptions.of(
                false,
                false,
                Duration.ofSeconds(600),
                Duration.ofSeconds(10),
                parallelism,
                false,
                RunOptions.DEFAULT_EXECUTION_BUDGET);
    }

    private TargetSettings target(String ids) {
        return TestTargets.of(Map.of("provider", "datadog", "baseUrl", baseUrl), TestIds.of(ids));
    }

    private static final Environment KEYS = Environment.of(Map.of("DD_API_KEY", API_KEY, "DD_APP_KEY", APP_KEY));

    /** One goal execution's core: providers built from raw settings, one transport, the runner over every id. */
    RunReport execution(String ids, int parallelism) throws InterruptedException {
        FleetExecution execution = new FleetExecution(
                Operation.CANCEL,
                List.of(target(ids)),
                goalHttp(parallelism),
                goalOptions(parallelism),
                KEYS,
                ServerLookup.NONE,
                false,
                MavenTerms.TERMS,
                Clock.systemUTC(),
                Sleeper.SYSTEM);
        return execution.run(log, new SecretMasker());
    }

    private Request bareCancel(String id) {
        return new Request.Builder()
                .url(baseUrl + StandaloneFakeDatadog.CANCEL_PREFIX + id + "/cancel")
                .header("Accept", "application/json")
                .header("DD-API-KEY", API_KEY)
                .header("DD-APPLICATION-KEY", APP_KEY)
                .post(EMPTY)
                .build();
    }

    /** The floor: one request as bare OkHttp sends it, the body read. */
    private static void bare(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 200 || body.isEmpty()) {
                throw new IOException("unexpected answer " + response.code());
            }
        }
    }

    private static void closeClient(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static String ids(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).collect(Collectors.joining(","));
    }

    @FunctionalInterface
    interface Unit {
        void run() throws Exception;
    }

    /** Microseconds per call, one round: {@code calls} calls in a row. */
    private static double round(Unit unit, int calls) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            unit.run();
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    private static void warmUp(Unit unit, double seconds) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            unit.run();
        }
    }

    // ---- 1. Per call: the core against the bare OkHttp floor ----------------------------------------------------

    /** A subject and its floor, timed side by side round after round; each round's ratio is kept. */
    private static final class SideBySide {
        final Unit floorUnit;
        final Unit subjectUnit;
        final int calls;
        final List<Double> floor = new ArrayList<>();
        final List<Double> subject = new ArrayList<>();
        final List<Double> ratios = new ArrayList<>();

        SideBySide(Unit floorUnit, Unit subjectUnit, int calls) {
            this.floorUnit = floorUnit;
            this.subjectUnit = subjectUnit;
            this.calls = calls;
        }

        /** The order alternates between rounds, so that neither always runs right after the other. */
        void round(boolean floorFirst) throws Exception {
            double f = floorFirst ? Bench.round(floorUnit, calls) : 0;
            double s = Bench.round(subjectUnit, calls);
            if (!floorFirst) {
                f = Bench.round(floorUnit, calls);
            }
            floor.add(f);
            subject.add(s);
            ratios.add(s / f);
        }

        double lastFloor() {
            return floor.get(floor.size() - 1);
        }

        double lastSubject() {
            return subject.get(subject.size() - 1);
        }
    }

    private void perCall(Map<String, String> options) throws Exception {
        int rounds = intOption(options, "rounds", 15);
        int calls = intOption(options, "calls", 400);
        int freshCalls = intOption(options, "fresh-calls", 60);
        double warmup = Double.parseDouble(options.getOrDefault("warmup-seconds", "4"));
        configure(0, 0, 1);

        // Steady state: one client (or transport) reused, as within one execution.
        OkHttpClient sharedClient = new OkHttpClient();
        Request sharedRequest = bareCancel("per-call");
        Unit floorShared = () -> bare(sharedClient, sharedRequest);
        HttpTransport transport = new HttpTransport(goalHttp(8), BenchLog.QUIET, MavenTerms.TERMS);
        FleetProvider provider = Providers.create(
                target("per-call"),
                Operation.CANCEL,
                KEYS,
                ServerLookup.NONE,
                transport,
                new SecretMasker(),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                true);
        DeploymentPart part = DeploymentPart.whole(DeploymentId.parse("per-call", "bench"));
        Unit coreShared = () -> {
            ActionResult result = provider.cancel(part);
            if (result.httpStatus() != 200) {
                throw new IllegalStateException("cancel answered " + result.httpStatus());
            }
        };
        // Whole executions: what one cancel-deployment goal does, each with its own client and connection.
        Unit floorFresh = () -> {
            OkHttpClient client = new OkHttpClient();
            try {
                bare(client, sharedRequest);
            } finally {
                closeClient(client);
            }
        };
        Unit coreExecution = () -> {
            RunReport report = execution("per-call", 8);
            if (report.hasFailures()) {
                throw new IllegalStateException("the execution failed: " + report.summary());
            }
        };

        progress("per call: warm-up " + warmup + " s per variant");
        for (Unit unit : List.of(floorShared, coreShared, floorFresh, coreExecution)) {
            warmUp(unit, warmup);
        }
        SideBySide shared = new SideBySide(floorShared, coreShared, calls);
        SideBySide execution = new SideBySide(floorFresh, coreExecution, freshCalls);
        for (int r = 0; r < rounds; r++) {
            shared.round(r % 2 == 0);
            execution.round(r % 2 == 0);
            progress(String.format(
                    Locale.ROOT,
                    "per call round %d: bare %.1f us, core %.1f us; fresh bare %.1f us, execution %.1f us",
                    r + 1,
                    shared.lastFloor(),
                    shared.lastSubject(),
                    execution.lastFloor(),
                    execution.lastSubject()));
        }
        transport.close();
        closeClient(sharedClient);
        emit("percall.floor_shared_us", Stats.median(shared.floor));
        emit("percall.core_shared_us", Stats.median(shared.subject));
        emit("percall.ratio_shared", Stats.median(shared.ratios));
        emit("percall.ratio_shared_min", Stats.min(shared.ratios));
        emit("percall.ratio_shared_max", Stats.max(shared.ratios));
        emit("percall.floor_fresh_us", Stats.median(execution.floor));
        emit("percall.core_execution_us", Stats.median(execution.subject));
        emit("percall.ratio_execution", Stats.median(execution.ratios));
        emit("percall.ratio_execution_min", Stats.min(execution.ratios));
        emit("percall.ratio_execution_max", Stats.max(execution.ratios));
        emit("percall.rounds", rounds);
    }

    // ---- 2. Many cancels against a slow API ---------------------------------------------------------------------

    private double timedExecution(String ids, int parallelism, int expected) throws Exception {
        long start = System.nanoTime();
        RunReport report = execution(ids, parallelism);
        double millis = (System.nanoTime() - start) / 1e6;
        if (report.hasFailures() || report.outcomes().size() != expected) {
            throw new IllegalStateException("the execution failed: " + report.summary());
        }
        return millis;
    }

    private void batch(Map<String, String> options) throws Exception {
        int count = intOption(options, "ids", 200);
        int latency = intOption(options, "latency", 50);
        int rounds = intOption(options, "rounds", 5);
        int sequentialRounds = intOption(options, "sequential-rounds", 3);
        int p1Rounds = intOption(options, "plugin-p1-rounds", 1);
        configure(latency, 0, 1);
        String ids = ids(count, "batch");
        progress("batch: warm-up");
        timedExecution(ids(16, "warm"), 8, 16);

        List<Double> p8 = new ArrayList<>();
        List<Double> p16 = new ArrayList<>();
        List<Double> p1 = new ArrayList<>();
        int maxInFlight8 = 0;
        for (int r = 0; r < rounds; r++) {
            configure(latency, 0, 1);
            p8.add(timedExecution(ids, 8, count));
            maxInFlight8 = (int) statsField(serverStats(), "maxInFlight");
            p16.add(timedExecution(ids, 16, count));
            progress(String.format(
                    Locale.ROOT, "batch round %d: plugin p=8 %.0f ms, p=16 %.0f ms", r + 1, p8.get(r), p16.get(r)));
        }
        List<Double> sequential = new ArrayList<>();
        OkHttpClient client = new OkHttpClient();
        List<Request> requests = IntStream.range(0, count)
                .mapToObj(i -> bareCancel("batch-" + i))
                .toList();
        for (int r = 0; r < sequentialRounds; r++) {
            long start = System.nanoTime();
            for (Request request : requests) {
                bare(client, request);
            }
            sequential.add((System.nanoTime() - start) / 1e6);
            progress(String.format(Locale.ROOT, "batch round %d: sequential OkHttp %.0f ms", r + 1, sequential.get(r)));
        }
        for (int r = 0; r < p1Rounds; r++) {
            p1.add(timedExecution(ids, 1, count));
            progress(String.format(Locale.ROOT, "batch round %d: plugin p=1 %.0f ms", r + 1, p1.get(r)));
        }
        closeClient(client);
        double seq = Stats.median(sequential);
        emit("batch.ids", count);
        emit("batch.latency_ms", latency);
        emit("batch.plugin_p8_ms", Stats.median(p8));
        emit("batch.plugin_p8_max_in_flight", maxInFlight8);
        emit("batch.plugin_p16_ms", Stats.median(p16));
        if (!p1.isEmpty()) {
            emit("batch.plugin_p1_ms", Stats.median(p1));
        }
        emit("batch.sequential_okhttp_ms", seq);
        emit("batch.ideal_p8_ms", Math.ceil(count / 8.0) * latency);
    }

    // ---- 3. A rate-limited API ----------------------------------------------------------------------------------

    /** The least time any client needs: every full window but the last waited out, then the last batch sent. */
    static double theoreticalMinimumMillis(int count, int limit, double periodSeconds, int parallelism, int latency) {
        int windows = (count + limit - 1) / limit;
        int last = count - (windows - 1) * limit;
        return (windows - 1) * periodSeconds * 1000 + Math.ceil(last / (double) parallelism) * latency;
    }

    private void rateLimit(Map<String, String> options) throws Exception {
        int count = intOption(options, "ids", 200);
        int latency = intOption(options, "latency", 50);
        int limit = intOption(options, "limit", 50);
        double period = Double.parseDouble(options.getOrDefault("period", "1"));
        int rounds = intOption(options, "rounds", 3);
        int parallelism = intOption(options, "parallelism", 8);
        String key = options.getOrDefault("key", "ratelimit");
        String ids = ids(count, "limited");
        configure(0, 0, 1);
        timedExecution(ids(16, "warm"), parallelism, 16);
        List<Double> times = new ArrayList<>();
        List<Double> tooMany = new ArrayList<>();
        int failures = 0;
        for (int r = 0; r < rounds; r++) {
            configure(latency, limit, period);
            long start = System.nanoTime();
            RunReport report = execution(ids, parallelism);
            double millis = (System.nanoTime() - start) / 1e6;
            failures += report.failures().size();
            String stats = serverStats();
            times.add(millis);
            tooMany.add((double) statsField(stats, "tooMany"));
            progress(String.format(
                    Locale.ROOT,
                    "rate limit round %d: %.0f ms, %d failed, server: %s",
                    r + 1,
                    millis,
                    report.failures().size(),
                    stats));
        }
        double minimum = theoreticalMinimumMillis(count, limit, period, parallelism, latency);
        emit(key + ".ids", count);
        emit(key + ".limit", limit);
        emit(key + ".period_s", period);
        emit(key + ".latency_ms", latency);
        emit(key + ".parallelism", parallelism);
        emit(key + ".plugin_ms", Stats.median(times));
        emit(key + ".plugin_ms_max", Stats.max(times));
        emit(key + ".minimum_ms", minimum);
        emit(key + ".plugin_failures", failures);
        emit(key + ".plugin_429", Stats.median(tooMany));
        emit(key + ".rounds", rounds);
    }

    // ---- 4. Heap: one 200-cancel execution in a fresh JVM -------------------------------------------------------

    private void heap(Map<String, String> options) throws Exception {
        int count = intOption(options, "ids", 200);
        int latency = intOption(options, "latency", 50);
        configure(latency, 0, 1);
        HeapPeak heap = HeapPeak.start();
        double millis = timedExecution(ids(count, "heap"), 8, count);
        long peak = heap.peak();
        System.gc();
        long after = HeapPeak.used();
        emit("heap.max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        emit("heap.before_mb", heap.before() / 1048576.0);
        emit("heap.peak_mb", peak / 1048576.0);
        emit("heap.after_gc_mb", after / 1048576.0);
        emit("heap.run_ms", millis);
        emit("heap.vm_hwm_mb", vmHighWaterMark() / 1024.0);
    }

    /** Peak resident memory of this process (Linux), in kB; -1 elsewhere. */
    private static long vmHighWaterMark() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux.
        }
        return -1;
    }
}
