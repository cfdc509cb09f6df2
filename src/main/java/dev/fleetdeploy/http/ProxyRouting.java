package dev.fleetdeploy.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;

/**
 * Chooses the proxy for each request from the user's settings.xml proxies, on the client alone: setting JVM-wide proxy
 * properties would change the rest of the build. With none there, the JVM's proxy properties apply. Loopback hosts, and
 * link-local ones (Azure's instance metadata service at 169.254.169.254, which answers for the machine that asks, so a
 * proxy would get its own identity or none), are always reached directly.
 */
final class ProxyRouting extends ProxySelector {
    private final List<ProxyConfig> proxies;

    ProxyRouting(List<ProxyConfig> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (proxies.isEmpty()) {
            return jvmProxies(uri);
        }
        return proxyFor(uri.getScheme(), uri.getHost())
                .map(config -> List.of(
                        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(config.host(), config.port()))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    /**
     * Without a settings.xml proxy, the JVM's own choice: {@code https.proxyHost}, {@code http.proxyHost},
     * {@code http.nonProxyHosts} (from {@code MAVEN_OPTS}), as the rest of a pipeline's Java tools use them.
     */
    private static List<Proxy> jvmProxies(URI uri) {
        ProxySelector jvm = ProxySelector.getDefault();
        if (jvm == null || uri.getHost() == null || direct(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        List<Proxy> chosen = jvm.select(uri);
        return chosen == null || chosen.isEmpty() ? List.of(Proxy.NO_PROXY) : chosen;
    }

    Optional<ProxyConfig> proxyFor(String scheme, String host) {
        if (host == null || direct(host)) {
            return Optional.empty();
        }
        String wanted = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        Optional<ProxyConfig> chosen = byProtocol(wanted);
        if (chosen.isEmpty() && wanted.equals("https")) {
            chosen = byProtocol("http");
        }
        return chosen.filter(config -> !bypasses(config.nonProxyHosts(), host));
    }

    /** Hosts no proxy can reach for us: this machine, and link-local addresses (169.254.0.0/16, fe80::/10). */
    static boolean direct(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return Loopback.isLoopback(h) || h.matches("169\\.254(\\.\\d{1,3}){2}") || h.matches("fe[89ab][0-9a-f]:.*");
    }

    private Optional<ProxyConfig> byProtocol(String protocol) {
        return proxies.stream()
                .filter(config -> protocol.equalsIgnoreCase(config.protocol() == null ? "http" : config.protocol()))
                .findFirst();
    }

    static boolean bypasses(String nonProxyHosts, String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String trimmed = pattern.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String regex = Pattern.quote(trimmed.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            if (host.toLowerCase(Locale.ROOT).matches(regex)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // The transport reports and retries failed connections itself.
    }

    /**
     * Answers OkHttp's pre-emptive challenge for an HTTPS tunnel with our User-Agent and the proxy's credentials, and
     * a proxy's real 407 with the credentials if they were not sent yet.
     */
    Authenticator authenticator(String userAgent) {
        return (route, response) -> {
            Request connect = response.request();
            boolean preemptive = "OkHttp-Preemptive".equalsIgnoreCase(response.header("Proxy-Authenticate"));
            if (!preemptive && connect.header("Proxy-Authorization") != null) {
                return null; // Already sent: the proxy refused them.
            }
            Optional<ProxyConfig> credentials =
                    route != null && route.proxy().address() instanceof InetSocketAddress address
                            ? proxies.stream()
                                    .filter(p -> p.host().equalsIgnoreCase(address.getHostString())
                                            && p.port() == address.getPort())
                                    .filter(p -> p.username() != null && p.password() != null)
                                    .findFirst()
                            : Optional.empty();
            if (credentials.isEmpty() && !preemptive) {
                return null;
            }
            Request.Builder request = connect.newBuilder().header("User-Agent", userAgent);
            credentials.ifPresent(c -> request.header(
                    "Proxy-Authorization",
                    Credentials.basic(c.username(), c.password().reveal())));
            return request.build();
        };
    }
}
