package dev.fleetdeploy.testing;

import java.util.Locale;

/**
 * What a fake's API saw since it started or its traffic was last reset, for a benchmark to report.
 *
 * @param requests every request to the API, refused ones included
 * @param ok the answers with a 2xx status
 * @param tooMany the 429 answers
 * @param unauthorized the 401 answers
 * @param maxInFlight the most requests in progress at once: above 1 only when the client worked in parallel
 * @param spanMillis from the first request's arrival to the last one's
 */
public record Traffic(long requests, long ok, long tooMany, long unauthorized, int maxInFlight, double spanMillis) {

    /** As flat JSON, for curl and the benchmark's scripts. */
    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"ok\":%d,\"tooMany\":%d,\"unauthorized\":%d,\"maxInFlight\":%d,\"spanMillis\":%.1f}",
                requests,
                ok,
                tooMany,
                unauthorized,
                maxInFlight,
                spanMillis);
    }
}
