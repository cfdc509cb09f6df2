package dev.fleetdeploy.maven;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * A Maven {@link Log} that keeps every line, as {@code -X} would show it: debug is enabled, so tests see the most a
 * user could ever see. Thread-safe, since the plugin works on several deployments at once.
 */
final class RecordingLog implements Log {

    enum Level {
        DEBUG,
        INFO,
        WARNING,
        ERROR
    }

    record Line(Level level, String text) {
        @Override
        public String toString() {
            return "[" + level + "] " + text;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The text of the lines at one level. */
    List<String> at(Level level) {
        return lines.stream()
                .filter(line -> line.level() == level)
                .map(Line::text)
                .toList();
    }

    /** Everything logged, one line per entry, as a console would show it. */
    String text() {
        return lines.stream().map(Line::toString).collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String toString() {
        return text();
    }

    private void add(Level level, CharSequence content, Throwable error) {
        StringBuilder text = new StringBuilder(content == null ? "" : content);
        if (error != null) {
            // Maven prints the stack trace of a logged throwable: record it whole, so a secret in it would show.
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

    @Override
    public void debug(CharSequence content) {
        add(Level.DEBUG, content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add(Level.DEBUG, content, error);
    }

    @Override
    public void debug(Throwable error) {
        add(Level.DEBUG, null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add(Level.INFO, content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add(Level.INFO, content, error);
    }

    @Override
    public void info(Throwable error) {
        add(Level.INFO, null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add(Level.WARNING, content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add(Level.WARNING, content, error);
    }

    @Override
    public void warn(Throwable error) {
        add(Level.WARNING, null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add(Level.ERROR, content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add(Level.ERROR, content, error);
    }

    @Override
    public void error(Throwable error) {
        add(Level.ERROR, null, error);
    }
}
