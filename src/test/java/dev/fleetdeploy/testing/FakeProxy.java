package dev.fleetdeploy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on 127.0.0.1 that records what reaches it: {@code CONNECT host:port} tunnels (HTTPS) and
 * absolute-form requests it forwards (plain HTTP). Tunnels and requests go to the loopback port a test routes the
 * host to, so that a "remote" API host can be a fake on this machine.
 *
 * <pre>
 * def proxy = FakeProxy.start().requireCredentials('proxy-user', 'proxy-pass').route('fleet-api.test:443', fake.port())
 * ...
 * assert proxy.requests()[0].method() == 'CONNECT'
 * </pre>
 */
public final class FakeProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;

    private FakeProxy(ServerSocket server) {
        this.server = server;
    }

    public static FakeProxy start() {
        try {
            FakeProxy proxy =
                    new FakeProxy(new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
            Thread acceptor = new Thread(proxy::acceptLoop, "fake-proxy-" + proxy.port());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake proxy", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers 407 unless the request carries these Basic credentials. */
    public FakeProxy requireCredentials(String user, String password) {
        expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Sends tunnels and requests for {@code hostPort} ("api.example:443") to this loopback port. */
    public FakeProxy route(String hostPort, int loopbackPort) {
        routes.put(hostPort.toLowerCase(java.util.Locale.ROOT), loopbackPort);
        return this;
    }

    /** What reached the proxy, in order: CONNECT lines (target {@code host:port}) and forwarded requests. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "fake-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            ReceivedRequest request = new ReceivedRequest(requestLine[0], requestLine[1], headers, "");
            received.add(request);
            if (expectedAuthorization != null && !expectedAuthorization.equals(request.header("Proxy-Authorization"))) {
                write(
                        out,
                        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"fake\"\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            if (request.method().equals("CONNECT")) {
                tunnel(request.target(), in, out);
            } else {
                forward(request, head, in, out);
            }
        } catch (IOException e) {
            // A client that went away: nothing to record.
        }
    }

    private void tunnel(String hostPort, InputStream in, OutputStream out) throws IOException {
        Integer port = routes.get(hostPort.toLowerCase(java.util.Locale.ROOT));
        if (port == null) {
            write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        try (Socket upstream = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
            write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            pipe(in, out, upstream);
        }
    }

    private void forward(ReceivedRequest request, String head, InputStream in, OutputStream out) throws IOException {
        java.net.URI uri = java.net.URI.create(request.target());
        int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
        Integer port = routes.get((uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort()))
                .toLowerCase(java.util.Locale.ROOT));
        if (port == null) {
            write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String originForm = head.replaceFirst("^\\S+ \\S+", request.method() + " " + path)
                .replaceAll("(?im)^Proxy-Authorization:.*\r\n", "");
        try (Socket upstream = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
            upstream.getOutputStream().write(originForm.getBytes(StandardCharsets.ISO_8859_1));
            pipe(in, out, upstream);
        }
    }

    /** Copies both ways until either side closes. */
    private void pipe(InputStream clientIn, OutputStream clientOut, Socket upstream) throws IOException {
        Thread up = new Thread(() -> copy(clientIn, upstreamOut(upstream)), "fake-proxy-up");
        up.setDaemon(true);
        up.start();
        copy(upstream.getInputStream(), clientOut);
    }

    private static OutputStream upstreamOut(Socket upstream) {
        try {
            return upstream.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // One side closed: the tunnel is over.
        }
    }

    /** The request head, up to the blank line, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException | RuntimeException e) {
                // Closing anyway.
            }
        }
    }

    @Override
    public String toString() {
        return "FakeProxy[127.0.0.1:" + port() + ", " + received.size() + " requests]";
    }
}
