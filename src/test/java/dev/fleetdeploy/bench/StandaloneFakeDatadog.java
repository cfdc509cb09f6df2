package dev.fleetdeploy.bench;

import dev.fleetdeploy.testing.CannedAnswer;
import dev.fleetdeploy.testing.FakeDatadog;
import dev.fleetdeploy.testing.ReceivedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' Datadog: the tests' {@link FakeDatadog}, in which every id is a running deployment that every
 * cancel finds running still, that keeps no requests (only counts), with the control endpoints the benchmarks set
 * their scenario with: {@code POST /_bench/config?latencyMs=50&limit=50&period=1} (latency, and a rate-limit window
 * of {@code limit} requests per {@code period} seconds, 0 for none; the counts start over) and
 * {@code GET /_bench/stats} (what the API saw since, as flat JSON).
 *
 * <p>Run on its own ({@link #main}) it serves the curl loop, the node client and the {@code mvn} runs of
 * {@code bench/run} too. It stops by itself after {@code --max-seconds}.
 */
public final class StandaloneFakeDatadog {
    static final String CANCEL_PREFIX = "/api/v2/fleet/deployments/";

    private StandaloneFakeDatadog() {}

    /** Starts on an ephemeral loopback port, accepting the benchmarks' keys; no latency, no rate limit. */
    public static FakeDatadog start() {
        FakeDatadog fake =
                FakeDatadog.start(Bench.API_KEY, Bench.APP_KEY).everyIdRunning().keepNoRequests();
        return fake.serve("/_bench/", request -> control(fake, request));
    }

    private static CannedAnswer control(FakeDatadog fake, ReceivedRequest request) {
        Map<String, String> parameters = parameters(request.query());
        return switch (request.path()) {
            case "/_bench/config" -> {
                fake.thinkTime(Long.parseLong(parameters.getOrDefault("latencyMs", "0")) / 1000.0)
                        .rateLimit(
                                Integer.parseInt(parameters.getOrDefault("limit", "0")),
                                Double.parseDouble(parameters.getOrDefault("period", "1")))
                        .resetTraffic();
                yield json("{}");
            }
            case "/_bench/stats" -> json(fake.traffic().toJson());
            default -> CannedAnswer.errors(404, "Not Found");
        };
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return parameters;
    }

    private static CannedAnswer json(String body) {
        return CannedAnswer.of(200, "application/json", body);
    }

    /**
     * {@code StandaloneFakeDatadog --port-file FILE [--max-seconds N]}: serves until killed, or N seconds (default
     * 900) pass.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "900"));
        try (FakeDatadog fake = start()) {
            Path portFile = Path.of(options.get("port-file"));
            Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(temporary, Integer.toString(fake.port()));
            Files.move(temporary, portFile, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
        }
    }
}
