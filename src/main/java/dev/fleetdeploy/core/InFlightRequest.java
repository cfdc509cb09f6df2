package dev.fleetdeploy.core;

import java.time.Duration;

/**
 * A request on its way when someone asks: for the report of a run stopped halfway, which must say what may have been
 * done without an answer.
 *
 * @param worker the thread that sent it, which works on one deployment at a time
 * @param request "POST https://api.datadoghq.com/api/v2/fleet/deployments/abc/cancel"
 * @param sent whether it had started to leave: then it may have reached the server
 * @param age how long it has been on its way
 */
public record InFlightRequest(Thread worker, String request, boolean sent, Duration age) {

    /** "POST https://... (sent 0.8 s ago, no answer yet)". */
    public String describe() {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", age.toMillis() / 1000.0);
        return request + (sent ? " (sent " + seconds + " ago, no answer yet)" : " (connecting for " + seconds + ")");
    }
}
