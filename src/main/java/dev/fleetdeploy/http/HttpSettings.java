package dev.fleetdeploy.http;

import java.time.Duration;
import java.util.List;

/**
 * How the transport connects, for one goal execution.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param retryPolicy when to repeat a request
 * @param parallelism how many requests may be in flight at once (lowered by itself on 429)
 * @param proxies the user's active proxies, in order
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy,
        int parallelism,
        List<ProxyConfig> proxies) {

    public HttpSettings {
        proxies = List.copyOf(proxies);
    }
}
