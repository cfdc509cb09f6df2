package dev.fleetdeploy.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers a test forced, by key (a deployment id, say): once-answers are used up in order before the standing
 * one applies.
 *
 * @param <K> what a forced answer is for
 */
final class ForcedAnswers<K> {
    private final Map<K, Deque<CannedAnswer>> once = new HashMap<>();
    private final Map<K, CannedAnswer> always = new HashMap<>();

    synchronized void always(K key, CannedAnswer answer) {
        always.put(key, answer);
    }

    synchronized void once(K key, CannedAnswer answer) {
        once.computeIfAbsent(key, k -> new ArrayDeque<>()).add(answer);
    }

    /** The answer for the next request about {@code key}, if the test forced one. */
    synchronized Optional<CannedAnswer> next(K key) {
        Deque<CannedAnswer> queued = once.get(key);
        if (queued != null && !queued.isEmpty()) {
            return Optional.of(queued.poll());
        }
        return Optional.ofNullable(always.get(key));
    }
}
