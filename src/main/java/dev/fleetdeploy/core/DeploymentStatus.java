package dev.fleetdeploy.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A deployment's state as the provider reports it.
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

    public DeploymentStatus {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        details = List.copyOf(details);
    }

    /** The status as one request read it. */
    public DeploymentStatus(
            String state, boolean terminal, String unit, Long total, Map<String, Long> counts, List<String> details) {
        this(state, terminal, unit, total, counts, details, 1);
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
