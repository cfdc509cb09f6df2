package dev.fleetdeploy.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log, debug enabled as under {@code -X}, that keeps each line it is given with its level, and prints none. */
final class KeptMavenLog extends SystemStreamLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        lines.add("[DEBUG] " + content);
    }

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[ERROR] " + content);
    }
}
