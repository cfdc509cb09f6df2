package dev.fleetdeploy.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the one OkHttp client of a transport: its timeouts and proxies, and no redirects or retries of its own. */
final class HttpClients {
    private HttpClients() {}

    /** The bound on one whole exchange, so that a server that trickles bytes cannot hold a pipeline. */
    static Duration callTimeout(HttpSettings settings) {
        return settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(5);
    }

    static OkHttpClient build(HttpSettings settings) {
        ProxyRouting proxies = new ProxyRouting(settings.proxies());
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(callTimeout(settings))
                // Redirects are the exchange's to follow, on the same origin only.
                .followRedirects(false)
                .followSslRedirects(false)
                // We retry ourselves, counting each attempt and noting those that may have taken effect.
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new ZeroRetryAfterInterceptor())
                .proxySelector(proxies)
                .proxyAuthenticator(proxies.authenticator(UserAgent.value()))
                .eventListenerFactory(call -> new SentTracker())
                .build();
    }

    /** Maven runs on after the goal: leave no pooled connections or idle threads behind. */
    static void shutDown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
