package dev.fleetdeploy.entra;

import dev.fleetdeploy.http.ApiBaseUrl;
import okhttp3.HttpUrl;

/**
 * Where MSAL's requests really go: MSAL is told about one place (an https authority, as it takes no other) and the
 * plugin sends to the configured one, which may be plain http on a loopback host or have a path of its own
 * (docs/entra-id.md). Anything MSAL asks for outside the place it was told about is refused, never sent.
 *
 * @param told the origin (and path, ending in "/") MSAL is told about
 * @param real where requests under {@code told} really go, ending in "/"
 */
record MsalRoute(HttpUrl told, HttpUrl real) {

    /** Requests go where MSAL asks, under {@code origin} only. */
    static MsalRoute to(HttpUrl origin) {
        HttpUrl root = origin.newBuilder().encodedPath("/").query(null).build();
        return new MsalRoute(root, root);
    }

    /** Where a URL MSAL asks for really goes. */
    HttpUrl map(HttpUrl asked) {
        String path = asked.encodedPath();
        if (!ApiBaseUrl.sameOrigin(asked, told) || !path.startsWith(told.encodedPath())) {
            throw new IllegalStateException("MSAL asked for " + asked.scheme() + "://" + asked.host() + ":"
                    + asked.port() + ", which is not the configured " + told.host() + ": refused, nothing was sent");
        }
        return real.newBuilder()
                .encodedPath(
                        real.encodedPath() + path.substring(told.encodedPath().length()))
                .encodedQuery(asked.encodedQuery())
                .build();
    }
}
