package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.FleetLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.Log;

/**
 * Keeps every line logged, with its level, so that tests can assert what a user would read: the core's lines as a
 * {@link FleetLog}, a Mojo's through {@link #mavenLog()}. Debug is enabled, so tests see the most a user could ever
 * see ({@code -X}). Thread-safe, since the plugin works on several deployments at once.
 */
public final class RecordingLog implements FleetLog {

    /** The levels, named as Maven's console shows them. */
    public enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR
    }

    /** One line as logged. */
    public record Line(Level level, String text) {
        @Override
        public String toString() {
            return "[" + level + "] " + text;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Log mavenLog = MavenLogView.of(this);

    /** The same recorder as a Maven {@link Log}, to hand a Mojo with {@code setLog}. */
    public Log mavenLog() {
        return mavenLog;
    }

    /** Every line, as the console shows it: "[INFO] text". */
    public List<String> lines() {
        return lines.stream().map(Line::toString).toList();
    }

    /** Every line but the DEBUG ones, as the console shows them: what a user reads without {@code -X}. */
    public List<String> infoAndAbove() {
        return lines.stream()
                .filter(line -> line.level() != Level.DEBUG)
                .map(Line::toString)
                .toList();
    }

    @Override
    public void debug(String message) {
        record(Level.DEBUG, message, null);
    }

    /** The text of the lines at one level. */
    public List<String> at(Level level) {
        return lines.stream()
                .filter(line -> line.level() == level)
                .map(Line::text)
                .toList();
    }

    @Override
    public void info(String message) {
        record(Level.INFO, message, null);
    }

    /** Everything logged, one line per entry, for containsSubsequence-style assertions and readable failures. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void warn(String message) {
        record(Level.WARNING, message, null);
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public void error(String message) {
        record(Level.ERROR, message, null);
    }

    /** Records a line; a throwable's stack trace goes with it whole, as Maven prints it, so a secret in it shows. */
    void record(Level level, CharSequence content, Throwable error) {
        StringBuilder text = new StringBuilder(content == null ? "" : content);
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            text.append(text.length() == 0 ? "" : System.lineSeparator()).append(trace);
        }
        lines.add(new Line(level, text.toString()));
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }
}
