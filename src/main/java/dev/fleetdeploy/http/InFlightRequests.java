package dev.fleetdeploy.http;

import dev.fleetdeploy.core.InFlightRequest;
import dev.fleetdeploy.core.RequestsInFlight;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The requests of a transport on their way at this moment, one per thread at most (each thread sends one at a time),
 * for a build stopped halfway to say which outcomes are unknown. Read from any thread.
 */
final class InFlightRequests implements RequestsInFlight {
    /** One request on its way: what it is, whether it started to leave, since when (System.nanoTime). */
    private record Entry(String request, AtomicBoolean sent, long sinceNanos) {}

    private final Map<Thread, Entry> entries = new ConcurrentHashMap<>();

    /** The calling thread's request is on its way until {@link #done}. */
    void start(ApiRequest request, AtomicBoolean sent) {
        entries.put(Thread.currentThread(), new Entry(request.describe(), sent, System.nanoTime()));
    }

    /** The calling thread's request got its answer, or none. */
    void done() {
        entries.remove(Thread.currentThread());
    }

    @Override
    public List<InFlightRequest> now() {
        long now = System.nanoTime();
        return entries.entrySet().stream()
                .map(e -> new InFlightRequest(
                        e.getKey(),
                        e.getValue().request(),
                        e.getValue().sent().get(),
                        Duration.ofNanos(now - e.getValue().sinceNanos())))
                .toList();
    }
}
