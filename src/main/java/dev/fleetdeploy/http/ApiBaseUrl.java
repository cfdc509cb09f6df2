package dev.fleetdeploy.http;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import okhttp3.HttpUrl;

/**
 * Checks a {@code baseUrl}: {@code scheme://host[:port]} and nothing more, HTTPS unless the host is this machine
 * (credentials must never cross a network in the clear).
 */
public final class ApiBaseUrl {
    private ApiBaseUrl() {}

    /** @param origin how to name the parameter in a message */
    public static HttpUrl parse(String raw, String origin) {
        String value = raw.strip();
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
            throw new ConfigurationException(origin + " '" + Quoted.of(value)
                    + "' is not a URL: write it as https://host or https://host:port.");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new ConfigurationException(
                    origin
                            + " must not hold credentials: remove the user:password@ part and configure the keys as described in the README.");
        }
        boolean onlyRoot = url.encodedPath().equals("/") && url.query() == null && url.fragment() == null;
        if (!onlyRoot) {
            throw new ConfigurationException(
                    origin + " '" + Quoted.of(value)
                            + "' has a path, query or fragment: give only scheme://host[:port]; the plugin adds the API's path itself.");
        }
        if (url.scheme().equals("http") && !Loopback.isLoopback(url.host())) {
            throw new ConfigurationException(
                    origin + " '" + Quoted.of(value)
                            + "' uses plain http to a host that is not this machine: use https (plain http is allowed only to localhost, 127.0.0.1 or [::1]).");
        }
        return url;
    }

    /** A base URL as messages show it: without the trailing slash HttpUrl gives the root. */
    public static String display(HttpUrl base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether two URLs have the same scheme, host and port: where a credential for one may also go. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
