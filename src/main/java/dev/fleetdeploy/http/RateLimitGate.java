package dev.fleetdeploy.http;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shared by every request of one transport: holds the number of requests in flight to a limit, and when the API
 * answers 429, halves that limit and holds every request until the API's window resets. Each answer that is not a
 * 429 raises the limit by one again, up to {@code parallelism}.
 */
final class RateLimitGate {
    private final int ceiling;
    private final FleetLog log;
    private final Sleeper sleeper;
    private final Clock clock;
    private int limit;
    private int inFlight;
    private Instant resumeAt = Instant.MIN;

    RateLimitGate(int ceiling, FleetLog log, Sleeper sleeper, Clock clock) {
        this.ceiling = ceiling;
        this.limit = ceiling;
        this.log = log;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    void acquire() throws InterruptedException {
        while (true) {
            Duration pause;
            synchronized (this) {
                pause = Duration.between(clock.instant(), resumeAt);
                if (pause.isNegative() || pause.isZero()) {
                    if (inFlight < limit) {
                        inFlight++;
                        return;
                    }
                    wait();
                    continue;
                }
            }
            sleeper.sleep(pause);
        }
    }

    /** @param rateLimitPause how long the API asked everyone to hold off (after a 429), else null */
    synchronized void release(Duration rateLimitPause) {
        inFlight--;
        if (rateLimitPause != null) {
            int before = limit;
            limit = Math.max(1, limit / 2);
            Instant until = clock.instant().plus(rateLimitPause);
            if (until.isAfter(resumeAt)) {
                resumeAt = until;
            }
            if (limit < before) {
                log.info("The API signalled its rate limit: working on at most " + limit + " deployment"
                        + (limit == 1 ? "" : "s") + " at once for now.");
            }
        } else if (limit < ceiling) {
            limit++;
        }
        notifyAll();
    }

    synchronized int limit() {
        return limit;
    }
}
