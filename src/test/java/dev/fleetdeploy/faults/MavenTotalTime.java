package dev.fleetdeploy.faults;

import dev.fleetdeploy.testing.BuildLog;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an IT's build took by Maven's own count ({@code [INFO] Total time:  1.574 s}, or {@code 01:02 min}), for
 * the {@code fault-*} ITs' verify scripts that check a build gave up quickly.
 */
public final class MavenTotalTime {
    private static final Pattern SECONDS = Pattern.compile("Total time:\\s+([\\d.]+) s\\b");
    private static final Pattern MINUTES = Pattern.compile("Total time:\\s+(\\d+):(\\d{2}) min\\b");

    private MavenTotalTime() {}

    public static Duration of(BuildLog log) {
        String line = log.line("[INFO] Total time:");
        Matcher seconds = SECONDS.matcher(line);
        if (seconds.find()) {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds.group(1)) * 1000));
        }
        Matcher minutes = MINUTES.matcher(line);
        if (minutes.find()) {
            return Duration.ofMinutes(Long.parseLong(minutes.group(1))).plusSeconds(Long.parseLong(minutes.group(2)));
        }
        throw new AssertionError("cannot read the build's total time from: " + line);
    }
}
