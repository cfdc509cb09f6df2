package dev.fleetdeploy.core;

import java.util.Map;

/**
 * The line that closes a wait, in numbers: "cancel of k7Q-3mX-p9Z on datadoghq.eu done: 12 hosts updated before it
 * stopped, 30 canceled, 0 failed". Counts are read under the words each provider uses (Datadog's "running", ADU's
 * "in progress").
 */
final class FinalLine {
    private FinalLine() {}

    static String of(Operation operation, FleetTarget target, DeploymentPart part, DeploymentStatus status) {
        Map<String, Long> counts = status.counts();
        long succeeded = counts.getOrDefault("succeeded", 0L);
        long failed = counts.getOrDefault("failed", 0L);
        long canceled = counts.getOrDefault("canceled", 0L);
        long busy = status.busy();
        String updated = number(succeeded, status.unit()) + " updated"
                + (operation == Operation.CANCEL ? " before it stopped" : "");
        String numbers = updated + ", " + canceled + " canceled, " + failed + " failed"
                + (busy > 0 ? ", " + busy + " still in progress" : "");
        return target.targetName().prefix() + operation.verb() + " of " + part + " on "
                + target.provider().place() + " done"
                + (status.state() == null ? "" : " (" + status.state() + ")") + ": " + numbers;
    }

    /** "12 hosts", "1 host". */
    private static String number(long count, String unit) {
        return count + " " + (count == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
    }
}
