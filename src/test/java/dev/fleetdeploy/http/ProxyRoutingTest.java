package dev.fleetdeploy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Secret;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyRoutingTest {
    private final ProxyConfig httpProxy =
            new ProxyConfig("http", "proxy.corp", 3128, null, null, "*.internal.corp|localhost");
    private final ProxyConfig httpsProxy =
            new ProxyConfig("https", "secure-proxy.corp", 8443, "u", Secret.of("p"), null);

    @Test
    void httpProxyAlsoServesHttpsWhenThereIsNoHttpsProxyAsMavenDoes() {
        ProxyRouting routing = new ProxyRouting(List.of(httpProxy));
        assertThat(routing.proxyFor("https", "api.datadoghq.com")).contains(httpProxy);
        List<Proxy> proxies = routing.select(URI.create("https://api.datadoghq.com/api/v2"));
        assertThat(proxies).singleElement().extracting(Proxy::type).isEqualTo(Proxy.Type.HTTP);
        assertThat(proxies.get(0).address().toString()).contains("proxy.corp").contains("3128");
    }

    @Test
    void proxyMatchingTheSchemeWins() {
        ProxyRouting routing = new ProxyRouting(List.of(httpProxy, httpsProxy));
        assertThat(routing.proxyFor("https", "api.datadoghq.eu")).contains(httpsProxy);
    }

    @Test
    void nonProxyHostsAndLoopbackGoDirect() {
        ProxyRouting routing = new ProxyRouting(List.of(httpProxy));
        assertThat(routing.proxyFor("https", "dd.internal.corp")).isEmpty();
        assertThat(routing.proxyFor("http", "127.0.0.1")).isEmpty();
        assertThat(routing.proxyFor("http", "localhost")).isEmpty();
        assertThat(routing.select(URI.create("http://127.0.0.1:8080/x"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void noProxiesMeansDirect() {
        assertThat(new ProxyRouting(List.of()).select(URI.create("https://api.datadoghq.com/")))
                .containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void withoutSettingsProxiesTheJvmsProxySelectorDecidesButLoopbackStaysDirect() {
        ProxySelector before = ProxySelector.getDefault();
        Proxy jvmProxy =
                new Proxy(Proxy.Type.HTTP, java.net.InetSocketAddress.createUnresolved("jvm-proxy.corp", 3128));
        // What -Dhttps.proxyHost=jvm-proxy.corp -Dhttps.proxyPort=3128 gives the JVM's default selector.
        ProxySelector.setDefault(ProxySelector.of(java.net.InetSocketAddress.createUnresolved("jvm-proxy.corp", 3128)));
        try {
            ProxyRouting routing = new ProxyRouting(List.of());
            assertThat(routing.select(URI.create("https://api.datadoghq.com/"))).containsExactly(jvmProxy);
            assertThat(routing.select(URI.create("http://127.0.0.1:8080/x"))).containsExactly(Proxy.NO_PROXY);
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    @Test
    void nonProxyHostPatternsFollowMavenSyntax() {
        assertThat(ProxyRouting.bypasses("*.example.com|other.org", "API.Example.com"))
                .isTrue();
        assertThat(ProxyRouting.bypasses("*.example.com,other.org", "other.org"))
                .isTrue();
        assertThat(ProxyRouting.bypasses("*.example.com", "example.com.evil.net"))
                .isFalse();
        assertThat(ProxyRouting.bypasses("api.datadoghq.com", "api-datadoghq.com"))
                .isFalse();
        assertThat(ProxyRouting.bypasses(null, "x")).isFalse();
    }

    @Test
    void toStringShowsNoPassword() {
        assertThat(httpsProxy.toString()).doesNotContain("p]").contains("with credentials");
    }
}
