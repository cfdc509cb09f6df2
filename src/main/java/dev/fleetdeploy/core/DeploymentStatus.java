package dev.fleetdeploy.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A deployment's state as the provider reports it. Every text in it came from the network: the state, the names of
 * the counts and the details are cleaned here ({@link WireText}), whichever reader made it, and a status with more
 * than {@link #MAX_COUNTS} kinds of count keeps the first ones and adds the rest up under "other".
 *
 * @param state the provider's own word for it ("running", "Canceled"), or null when the answer had none
 * @param terminal whether the deployment will change no more (used by {@code wait})
 * @param unit what the counts count: "hosts" or "devices"
 * @param total how many of them the deployment targets, or null when unknown
 * @param counts how many are in each state, in the order to show them
 * @param details further lines worth showing (an error summary, failed hosts)
 * @param attempts how many requests reading it took, retries and further pages included
 */
public record DeploymentStatus(
        String state,
        boolean terminal,
        String unit,
        Long total,
        Map<String, Long> counts,
        List<String> details,
        int attempts) {

    /** Kinds of count shown at most: a server that invents a state per host must not make the line endless. */
    public static final int MAX_COUNTS = 16;

    public DeploymentStatus {
        state = WireText.clean(state);
        counts = java.util.Collections.unmodifiableMap(cleaned(counts));
        details = details.stream().map(WireText::clean).toList();
    }

    private static Map<String, Long> cleaned(Map<String, Long> counts) {
        Map<String, Long> kept = new LinkedHashMap<>();
        long other = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            String name = WireText.clean(count.getKey());
            if (kept.containsKey(name) || kept.size() < MAX_COUNTS - 1 || counts.size() <= MAX_COUNTS) {
                kept.merge(name, count.getValue(), Long::sum);
            } else {
                other += count.getValue();
            }
        }
        if (other > 0) {
            kept.merge("other", other, Long::sum);
        }
        return kept;
    }

    /** The status as one request read it. */
    public DeploymentStatus(
            String state, boolean terminal, String unit, Long total, Map<String, Long> counts, List<String> details) {
        this(state, terminal, unit, total, counts, details, 1);
    }

    /** Devices or hosts still being worked on, under the words each provider uses ("in progress", "running"...). */
    public long busy() {
        return counts.getOrDefault("running", 0L)
                + counts.getOrDefault("in progress", 0L)
                + counts.getOrDefault("pending", 0L);
    }

    /** Devices or hosts whose update failed. */
    public long failed() {
        return counts.getOrDefault("failed", 0L);
    }

    /** The same status, read with {@code attempts} requests in all. */
    public DeploymentStatus withAttempts(int attempts) {
        return new DeploymentStatus(state, terminal, unit, total, counts, details, attempts);
    }

    /** "running; 5 hosts: 1 succeeded, 1 failed, 1 running, 1 canceled, 1 skipped". */
    public String summary() {
        StringBuilder text = new StringBuilder(state == null ? "state unknown" : state);
        if (total != null || !counts.isEmpty()) {
            text.append("; ");
            if (total != null) {
                // The unit is stored in the plural ("hosts", "devices").
                text.append(total)
                        .append(' ')
                        .append(total == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
                if (!counts.isEmpty()) {
                    text.append(": ");
                }
            } else {
                text.append(unit).append(": ");
            }
            text.append(counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }
}
