package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed rate-limit window as Datadog enforces one: {@code limit} requests per {@code period}, the first window
 * starting with the first request it admits. Every answer carries {@code x-ratelimit-limit}, {@code -period},
 * {@code -remaining}, {@code -reset} (whole seconds until the window ends, rounded up, so that waiting that long is
 * never too early) and {@code -name}; a request over the limit gets 429 with the same headers.
 */
final class RateLimitWindow {
    private final int limit;
    private final long periodNanos;
    private long start = Long.MIN_VALUE;
    private long index;
    private int used;

    RateLimitWindow(int limit, double periodSeconds) {
        if (limit < 1 || periodSeconds <= 0) {
            throw new IllegalArgumentException("a rate limit needs a limit of 1 or more and a period over 0 s");
        }
        this.limit = limit;
        this.periodNanos = (long) (periodSeconds * 1e9);
    }

    /** Whether a request arriving at {@code now} (nanoTime) is within the limit, and the headers of its answer. */
    record Admission(boolean allowed, Map<String, String> headers) {}

    synchronized Admission admit(long now) {
        if (start == Long.MIN_VALUE) {
            start = now;
        }
        long current = (now - start) / periodNanos;
        if (current != index) {
            index = current;
            used = 0;
        }
        long windowEnd = start + (current + 1) * periodNanos;
        long resetSeconds = Math.max(1, (windowEnd - now + 999_999_999L) / 1_000_000_000L);
        boolean allowed = used < limit;
        if (allowed) {
            used++;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Integer.toString(limit));
        headers.put("x-ratelimit-period", Long.toString(Math.max(1, Math.round(periodNanos / 1e9))));
        headers.put("x-ratelimit-remaining", Integer.toString(limit - used));
        headers.put("x-ratelimit-reset", Long.toString(resetSeconds));
        headers.put("x-ratelimit-name", "fleet_deployments_cancel");
        return new Admission(allowed, headers);
    }
}
