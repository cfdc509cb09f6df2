package dev.fleetdeploy.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The answers a test forced, by deployment id: once-answers are used up in order before the standing one applies. */
final class ForcedAnswers {
    private final Map<String, Deque<CannedAnswer>> once = new HashMap<>();
    private final Map<String, CannedAnswer> always = new HashMap<>();

    synchronized void always(String id, CannedAnswer answer) {
        always.put(id, answer);
    }

    synchronized void once(String id, CannedAnswer answer) {
        once.computeIfAbsent(id, key -> new ArrayDeque<>()).add(answer);
    }

    /** The answer for the next request about {@code id}, if the test forced one. */
    synchronized Optional<CannedAnswer> next(String id) {
        Deque<CannedAnswer> queued = once.get(id);
        if (queued != null && !queued.isEmpty()) {
            return Optional.of(queued.poll());
        }
        return Optional.ofNullable(always.get(id));
    }
}
