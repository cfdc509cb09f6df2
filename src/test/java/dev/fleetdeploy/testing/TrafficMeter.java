package dev.fleetdeploy.testing;

/** Counts a fake's requests and answers as they come and go, from the server's many threads. */
final class TrafficMeter {
    private long requests;
    private long ok;
    private long tooMany;
    private long unauthorized;
    private int inFlight;
    private int maxInFlight;
    private long firstNanos;
    private long lastNanos;

    /** A request arrived and is in progress until {@link #answered}. */
    synchronized void arrived(long now) {
        requests++;
        if (requests == 1) {
            firstNanos = now;
        }
        lastNanos = now;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
    }

    /** Its answer is ready: out of flight before it leaves, since the client may send its next request then. */
    synchronized void answered(int code) {
        inFlight--;
        if (code / 100 == 2) {
            ok++;
        } else if (code == 429) {
            tooMany++;
        } else if (code == 401) {
            unauthorized++;
        }
    }

    /** Everything starts over, but the requests still in progress stay counted as in flight. */
    synchronized void reset() {
        requests = 0;
        ok = 0;
        tooMany = 0;
        unauthorized = 0;
        maxInFlight = inFlight;
        firstNanos = 0;
        lastNanos = 0;
    }

    synchronized Traffic snapshot() {
        return new Traffic(requests, ok, tooMany, unauthorized, maxInFlight, (lastNanos - firstNanos) / 1e6);
    }
}
