package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.FleetLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line the core logs, with its level, so tests can assert what a user would read. */
public final class RecordingFleetLog implements FleetLog {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void debug(String message) {
        lines.add("[DEBUG] " + message);
    }

    @Override
    public void info(String message) {
        lines.add("[INFO] " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("[WARNING] " + message);
    }

    @Override
    public void error(String message) {
        lines.add("[ERROR] " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** All lines, one per line, for containsSubsequence-style assertions and readable failures. */
    public String text() {
        return String.join("\n", lines());
    }
}
