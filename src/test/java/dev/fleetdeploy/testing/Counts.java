package dev.fleetdeploy.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status's counts written as its summary lists them, for {@code containsExactlyEntriesOf}: "2 succeeded, 1 failed,
 * 0 in progress" is {succeeded=2, failed=1, in progress=0}, in that order.
 */
public final class Counts {
    private Counts() {}

    public static Map<String, Long> of(String listed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String count : listed.split(", ")) {
            int space = count.indexOf(' ');
            counts.put(count.substring(space + 1), Long.parseLong(count.substring(0, space)));
        }
        return counts;
    }
}
