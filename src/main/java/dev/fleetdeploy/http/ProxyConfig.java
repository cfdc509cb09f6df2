package dev.fleetdeploy.http;

import dev.fleetdeploy.core.Secret;

/**
 * One proxy from the user's settings (in Maven: an active {@code <proxy>} of settings.xml).
 *
 * @param protocol the URL scheme it serves: "http" or "https" (Maven's convention; an "http" proxy also serves
 *     https URLs when there is no "https" one, as Maven's own resolver does)
 * @param username null when the proxy needs no credentials
 * @param password null when the proxy needs no credentials
 * @param nonProxyHosts hosts reached directly, separated by | or ,; * matches any characters; may be null
 */
public record ProxyConfig(
        String protocol, String host, int port, String username, Secret password, String nonProxyHosts) {

    @Override
    public String toString() {
        return "ProxyConfig[" + protocol + "://" + host + ":" + port + (username == null ? "" : ", with credentials")
                + "]";
    }
}
