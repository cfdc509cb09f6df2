package dev.fleetdeploy.http;

import okhttp3.HttpUrl;

/**
 * What a redirect the transport did not follow means, in the same words for every service the plugin talks to (the
 * APIs and the token service alike): where it pointed, why it was not followed, and what to check. The transport
 * follows a redirect only on the same origin, and only where the method stays (see {@link SingleExchange}); any other
 * 3xx comes back to the caller as it is, and its failure's hint comes from here.
 *
 * @param service who answered: "Datadog", "Azure Device Update", "Microsoft Entra ID"
 * @param secretsReach what must reach no other host, with its verb: "the keys reach", "the client secret reaches"
 * @param check what to check, named with its value: "the baseUrl (https://gw.example.com)"
 * @param alsoWhenSameOrigin what else to check when a same-origin redirect would turn the request into a GET, starting
 *     with " and", or empty text
 */
public record RefusedRedirect(String service, String secretsReach, String check, String alsoWhenSameOrigin) {

    /** Whether the answer is a redirect (a 3xx other than 304 Not Modified). */
    public static boolean is(ApiResponse response) {
        return response.code() >= 300 && response.code() <= 399 && response.code() != 304;
    }

    /**
     * The hint for a redirect that came back unfollowed.
     *
     * @param base the origin the request was sent to: a redirect that stays on it was not followed for another reason
     * @param read whether the request was a GET, which any same-origin redirect may take
     */
    public String hint(ApiResponse response, HttpUrl base, boolean read) {
        int code = response.code();
        // The header as the answer gave it, cleaned (ApiResponse.header): the target is always named.
        String to =
                response.header("Location").map(location -> " to " + location).orElse("");
        if (response.redirectsWithin(base)) {
            return code == 307 || code == 308 || read
                    ? service + " kept redirecting on its own host" + to + ", and the plugin stops after "
                            + HttpTransport.MAX_REDIRECTS + " redirects in a row: check " + check + "."
                    : service + " answered with a redirect" + to + " on its own host, which would turn the request"
                            + " into a GET, so the plugin does not follow it: check " + check + alsoWhenSameOrigin
                            + ".";
        }
        return service + " answered with a redirect" + to + ", which the plugin does not follow so that " + secretsReach
                + " no other host: check " + check + ".";
    }
}
