package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.http.Loopback;
import okhttp3.HttpUrl;

/** Checks an Entra ID authority host: an https URL (plain http only to this machine), with no query or credentials. */
public final class AuthorityHost {
    public static final String DEFAULT = "https://login.microsoftonline.com/";

    private AuthorityHost() {}

    /** @param origin where the value was set, for messages */
    public static HttpUrl parse(String raw, String origin) {
        String value = raw.strip();
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
            throw new ConfigurationException("The authority host '" + Quoted.of(value) + "' in " + origin
                    + " is not a URL: write it as https://login.microsoftonline.com/ (or your cloud's authority).");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty() || url.query() != null || url.fragment() != null) {
            throw new ConfigurationException(
                    "The authority host '" + Quoted.of(value) + "' in " + origin
                            + " holds credentials, a query or a fragment: give only its https URL, such as https://login.microsoftonline.com/.");
        }
        if (url.scheme().equals("http") && !Loopback.isLoopback(url.host())) {
            throw new ConfigurationException(
                    "The authority host '" + Quoted.of(value) + "' in " + origin
                            + " uses plain http to a host that is not this machine: use https, as client secrets must not cross a network in the clear.");
        }
        // Tokens are at {authorityHost}{tenant}/...: the host's path must end in "/", as Azure's SDKs write it.
        String path = url.encodedPath();
        return path.endsWith("/")
                ? url
                : url.newBuilder().encodedPath(path + "/").build();
    }
}
