package dev.fleetdeploy.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks' fake Datadog: real HTTP/1.1 on 127.0.0.1, answering every
 * {@code POST /api/v2/fleet/deployments/{id}/cancel} that carries both key headers with 200 and the v2 body, after a
 * configurable latency, and optionally enforcing a rate-limit window as Datadog does.
 *
 * <p>The window is fixed: {@code limit} requests per {@code period} seconds, the first window starting with the
 * first request after {@link #configure}. Every answer carries {@code x-ratelimit-limit}, {@code -period},
 * {@code -remaining}, {@code -reset} (whole seconds until the window ends, rounded up, so that waiting that long is
 * never too early) and {@code -name}; a request over the limit gets 429 with the same headers.
 *
 * <p>Run on its own ({@link #main}) it serves the curl loop, the node client and the {@code mvn} runs too; its
 * {@code /_bench/config} and {@code /_bench/stats} endpoints set the scenario and read what happened. It stops by
 * itself after {@code --max-seconds}.
 */
public final class BenchServer implements AutoCloseable {
    static final String CANCEL_PREFIX = "/api/v2/fleet/deployments/";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-server");
        thread.setDaemon(true);
        return thread;
    });

    private long latencyMillis;
    private int limit; // 0: no rate limit
    private long periodNanos;
    private long windowStart = Long.MIN_VALUE;
    private long windowIndex;
    private int usedInWindow;
    private long requests;
    private long ok;
    private long tooMany;
    private long unauthorized;
    private int inFlight;
    private int maxInFlight;
    private long firstNanos;
    private long lastNanos;

    private BenchServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on an ephemeral loopback port; no latency, no rate limit. */
    public static BenchServer start() throws IOException {
        // Without TCP_NODELAY, the JDK server's header and body writes can meet the client's delayed ACK: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 200);
        BenchServer bench = new BenchServer(http);
        http.createContext("/", bench::handle);
        http.setExecutor(bench.workers);
        http.start();
        return bench;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** A new scenario: counters and the window start over. */
    public synchronized void configure(long latencyMillis, int limit, double periodSeconds) {
        this.latencyMillis = latencyMillis;
        this.limit = limit;
        this.periodNanos = (long) (periodSeconds * 1e9);
        windowStart = Long.MIN_VALUE;
        windowIndex = 0;
        usedInWindow = 0;
        requests = 0;
        ok = 0;
        tooMany = 0;
        unauthorized = 0;
        maxInFlight = 0;
        firstNanos = 0;
        lastNanos = 0;
    }

    /** What the server saw since the last {@link #configure}, as flat JSON. */
    public synchronized String stats() {
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"ok\":%d,\"tooMany\":%d,\"unauthorized\":%d,\"maxInFlight\":%d,\"spanMillis\":%.1f}",
                requests,
                ok,
                tooMany,
                unauthorized,
                maxInFlight,
                (lastNanos - firstNanos) / 1e6);
    }

    public synchronized long tooMany() {
        return tooMany;
    }

    public synchronized long okCount() {
        return ok;
    }

    public synchronized int maxInFlight() {
        return maxInFlight;
    }

    /** One decision per request, under the lock: the window's counters and the headers that go with them. */
    private record Decision(int status, Map<String, String> headers, long latencyMillis) {}

    private synchronized Decision admit(boolean authorized) {
        long now = System.nanoTime();
        requests++;
        if (firstNanos == 0) {
            firstNanos = now;
        }
        lastNanos = now;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (!authorized) {
            unauthorized++;
            return new Decision(401, Map.of(), latencyMillis);
        }
        if (limit <= 0) {
            ok++;
            return new Decision(200, Map.of(), latencyMillis);
        }
        if (windowStart == Long.MIN_VALUE) {
            windowStart = now;
        }
        long index = (now - windowStart) / periodNanos;
        if (index != windowIndex) {
            windowIndex = index;
            usedInWindow = 0;
        }
        long windowEnd = windowStart + (index + 1) * periodNanos;
        long resetSeconds = Math.max(1, (windowEnd - now + 999_999_999L) / 1_000_000_000L);
        boolean over = usedInWindow >= limit;
        if (!over) {
            usedInWindow++;
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("x-ratelimit-limit", Integer.toString(limit));
        headers.put("x-ratelimit-period", Long.toString(Math.max(1, Math.round(periodNanos / 1e9))));
        headers.put("x-ratelimit-remaining", Integer.toString(limit - usedInWindow));
        headers.put("x-ratelimit-reset", Long.toString(resetSeconds));
        headers.put("x-ratelimit-name", "fleet_deployments_cancel");
        if (over) {
            tooMany++;
            return new Decision(429, headers, latencyMillis);
        }
        ok++;
        return new Decision(200, headers, latencyMillis);
    }

    private synchronized void done() {
        inFlight--;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            if (path.startsWith("/_bench/")) {
                admin(exchange, path, uri.getRawQuery());
                return;
            }
            String id = cancelledId(exchange.getRequestMethod(), path);
            if (id == null) {
                send(exchange, 404, Map.of(), "{\"errors\":[\"Not found\"]}");
                return;
            }
            boolean authorized = present(exchange, "DD-API-KEY") && present(exchange, "DD-APPLICATION-KEY");
            Decision decision = admit(authorized);
            try {
                if (decision.latencyMillis() > 0) {
                    Thread.sleep(decision.latencyMillis());
                }
                String body = switch (decision.status()) {
                    case 200 ->
                        "{\"data\":{\"id\":\"" + id
                                + "\",\"type\":\"deployment\",\"attributes\":{\"status\":\"stopping\","
                                + "\"message\":\"Cancellation has been requested; the deployment is stopping.\"}}}";
                    case 429 -> "{\"errors\":[\"Too many requests\"]}";
                    default -> "{\"errors\":[\"Unauthorized\"]}";
                };
                // Out of flight before the answer leaves: the client may send its next request as soon as it has it.
                done();
                send(exchange, decision.status(), decision.headers(), body);
            } catch (InterruptedException e) {
                done();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean present(HttpExchange exchange, String header) {
        String value = exchange.getRequestHeaders().getFirst(header);
        return value != null && !value.isBlank();
    }

    /** The id of a v2 cancel, else null. */
    private static String cancelledId(String method, String path) {
        if (!method.equals("POST") || !path.startsWith(CANCEL_PREFIX) || !path.endsWith("/cancel")) {
            return null;
        }
        String id = path.substring(CANCEL_PREFIX.length(), path.length() - "/cancel".length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private void admin(HttpExchange exchange, String path, String query) throws IOException {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        switch (path) {
            case "/_bench/config" -> {
                configure(
                        Long.parseLong(params.getOrDefault("latencyMs", "0")),
                        Integer.parseInt(params.getOrDefault("limit", "0")),
                        Double.parseDouble(params.getOrDefault("period", "1")));
                send(exchange, 200, Map.of(), "{}");
            }
            case "/_bench/stats" -> send(exchange, 200, Map.of(), stats());
            default -> send(exchange, 404, Map.of(), "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /**
     * {@code BenchServer --port-file FILE [--max-seconds N]}: serves until killed, or N seconds (default 900) pass.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Args.parse(args);
        long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "900"));
        BenchServer server = start();
        Path portFile = Path.of(options.get("port-file"));
        Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(server.port()));
        Files.move(temporary, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(TimeUnit.SECONDS.toMillis(maxSeconds));
        server.close();
    }
}
