package dev.fleetdeploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentPart;
import dev.fleetdeploy.core.DeploymentStatus;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.datadog.DatadogConfig;
import dev.fleetdeploy.datadog.DatadogProvider;
import dev.fleetdeploy.http.HttpTransport;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.TargetSettings;
import dev.fleetdeploy.testing.TestIds;
import dev.fleetdeploy.testing.TestTargets;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reading the status of a deployment of many hosts (100,000 by default, one in 20 failed): the plugin's streaming
 * read ({@code DatadogProvider.status}, through its transport) against reading the same body into a Jackson tree
 * (bare OkHttp, {@code ObjectMapper.readTree}, then the same fields taken from the tree). Both over loopback HTTP
 * from a server that writes the body as it sends it.
 *
 * <pre>
 * StatusReadBench time [--hosts 100000] [--rounds 7] [--warmup 3]   time per read and bytes allocated, side by side
 * StatusReadBench heap --variant plugin|tree [--hosts 100000]        peak heap of one read, in a JVM of its own
 * </pre>
 */
public final class StatusReadBench {
    private static final String API_KEY = "bench-api-key-0000";
    private static final String APP_KEY = "bench-app-key-0000";
    private static final String PATH = "/api/v2/fleet/deployments/big";

    private final DeploymentBody body;
    private final HttpServer server;
    private final String url;

    private StatusReadBench(DeploymentBody body) throws IOException {
        this.body = body;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        });
        server.start();
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(java.util.Arrays.copyOfRange(args, 1, args.length));
        int hosts = Integer.parseInt(options.getOrDefault("hosts", "100000"));
        StatusReadBench bench = new StatusReadBench(new DeploymentBody(hosts, 20));
        try {
            switch (args[0]) {
                case "time" -> bench.time(options);
                case "heap" -> bench.heap(options.getOrDefault("variant", "plugin"));
                default -> throw new IllegalArgumentException("usage: StatusReadBench time|heap [options]");
            }
        } finally {
            bench.server.stop(0);
        }
        System.exit(0);
    }

    private static void emit(String name, double value) {
        System.out.printf(Locale.ROOT, "%s\t%.3f%n", name, value);
        System.out.flush();
    }

    /** One read, as the plugin does it: the figures a status line needs. */
    private interface Read {
        long failedHosts() throws Exception;
    }

    private Read plugin(HttpTransport transport) {
        TargetSettings target = TestTargets.of(Map.of("provider", "datadog", "baseUrl", url), TestIds.NONE);
        DatadogConfig config = DatadogConfig.resolve(
                target.common(),
                target.datadog(),
                Operation.STATUS,
                Environment.of(Map.of("DD_API_KEY", API_KEY, "DD_APP_KEY", APP_KEY)),
                ServerLookup.NONE,
                new SecretMasker());
        DatadogProvider provider = new DatadogProvider(config, transport);
        DeploymentPart part = DeploymentPart.whole(new DeploymentId("big"));
        return () -> {
            DeploymentStatus status = provider.status(part);
            return status.counts().get("failed");
        };
    }

    /** The same body into a Jackson tree, and the same figures taken from it (the failed hosts counted). */
    private Read tree(OkHttpClient client, ObjectMapper mapper) {
        Request request = new Request.Builder()
                .url(url + PATH)
                .header("DD-API-KEY", API_KEY)
                .header("DD-APPLICATION-KEY", APP_KEY)
                .build();
        return () -> {
            try (Response response = client.newCall(request).execute()) {
                JsonNode attributes = mapper.readTree(response.body().byteStream())
                        .path("data")
                        .path("attributes");
                long failed = 0;
                for (JsonNode host : attributes.path("hosts")) {
                    if ("failed".equals(host.path("status").asText())) {
                        failed++;
                    }
                }
                if (failed != attributes.path("failed_hosts").asLong()) {
                    throw new IllegalStateException("the tree counted " + failed + " failed hosts");
                }
                return failed;
            }
        };
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private void time(Map<String, String> options) throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "7"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        OkHttpClient client = new OkHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        try (HttpTransport transport = new HttpTransport(Bench.goalHttp(1), BenchLog.QUIET, MavenTerms.TERMS)) {
            Read plugin = plugin(transport);
            Read tree = tree(client, mapper);
            for (int i = 0; i < warmup; i++) {
                check(plugin.failedHosts());
                check(tree.failedHosts());
            }
            List<Double> pluginMillis = new ArrayList<>();
            List<Double> treeMillis = new ArrayList<>();
            List<Double> pluginAllocated = new ArrayList<>();
            List<Double> treeAllocated = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // Take turns, the order alternating, so that neither always runs on a warmer machine.
                boolean pluginFirst = r % 2 == 0;
                double[] first = measure(pluginFirst ? plugin : tree);
                double[] second = measure(pluginFirst ? tree : plugin);
                double[] p = pluginFirst ? first : second;
                double[] t = pluginFirst ? second : first;
                pluginMillis.add(p[0]);
                treeMillis.add(t[0]);
                pluginAllocated.add(p[1]);
                treeAllocated.add(t[1]);
                ratios.add(p[0] / t[0]);
                System.err.printf(
                        Locale.ROOT, "[bench] status read round %d: plugin %.0f ms, tree %.0f ms%n", r + 1, p[0], t[0]);
            }
            emit("statusread.hosts", body.hosts());
            emit("statusread.failed_hosts", body.failed());
            emit("statusread.body_mb", body.bytes() / 1048576.0);
            emit("statusread.plugin_ms", Stats.median(pluginMillis));
            emit("statusread.tree_ms", Stats.median(treeMillis));
            emit("statusread.ratio", Stats.median(ratios));
            emit("statusread.ratio_min", Stats.min(ratios));
            emit("statusread.ratio_max", Stats.max(ratios));
            emit("statusread.plugin_allocated_mb", Stats.median(pluginAllocated));
            emit("statusread.tree_allocated_mb", Stats.median(treeAllocated));
            emit("statusread.rounds", rounds);
        }
    }

    private void check(long failed) {
        if (failed != body.failed()) {
            throw new IllegalStateException("read " + failed + " failed hosts, expected " + body.failed());
        }
    }

    /** Milliseconds and megabytes allocated (on this thread, which reads the body) for one read. */
    private double[] measure(Read read) throws Exception {
        long allocated = allocatedBytes();
        long start = System.nanoTime();
        check(read.failedHosts());
        double millis = (System.nanoTime() - start) / 1e6;
        return new double[] {millis, (allocatedBytes() - allocated) / 1048576.0};
    }

    /** One read in this JVM: the heap's peak above what was live before it. */
    private void heap(String variant) throws Exception {
        OkHttpClient client = new OkHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        try (HttpTransport transport = new HttpTransport(Bench.goalHttp(1), BenchLog.QUIET, MavenTerms.TERMS)) {
            Read read = variant.equals("tree") ? tree(client, mapper) : plugin(transport);
            // A small read first loads the classes, so that only the big one is measured.
            HeapPeak heap = HeapPeak.start();
            long start = System.nanoTime();
            check(read.failedHosts());
            double millis = (System.nanoTime() - start) / 1e6;
            emit("statusread." + variant + "_heap_peak_mb", Math.max(0, heap.peak() - heap.before()) / 1048576.0);
            emit("statusread." + variant + "_heap_ms", millis);
            emit("statusread.max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        }
    }
}
