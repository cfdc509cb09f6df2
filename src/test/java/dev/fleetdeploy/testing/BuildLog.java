package dev.fleetdeploy.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An IT's {@code build.log}, for {@code verify.groovy}. Its checks fail with a short message (the missing text and
 * the lines that come closest) instead of Groovy's power assert, which would print the whole log for every check.
 */
public final class BuildLog {
    private static final int HINT_PREFIX = 24;
    private static final int HINT_LINES = 5;

    private final String text;

    private BuildLog(String text) {
        this.text = text;
    }

    /** The build.log the invoker wrote in an IT's folder. */
    public static BuildLog of(File basedir) {
        return ofText(read(new File(basedir, "build.log")));
    }

    public static BuildLog ofText(String text) {
        return new BuildLog(text.replace("\r\n", "\n"));
    }

    public String text() {
        return text;
    }

    public List<String> lines() {
        return text.lines().toList();
    }

    public boolean contains(CharSequence expected) {
        return text.contains(expected);
    }

    /** How many times the text occurs. */
    public int count(CharSequence expected) {
        String wanted = expected.toString();
        int count = 0;
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + wanted.length())) {
            count++;
        }
        return count;
    }

    /** Fails unless the log contains the text; the message shows the lines that start the same way, if any. */
    public BuildLog shows(CharSequence expected) {
        String wanted = expected.toString();
        if (!text.contains(wanted)) {
            String start = wanted.strip()
                    .substring(0, Math.min(HINT_PREFIX, wanted.strip().length()));
            List<String> near = lines().stream()
                    .filter(line -> line.contains(start))
                    .limit(HINT_LINES)
                    .toList();
            throw new AssertionError("build.log does not contain:\n  " + wanted
                    + (near.isEmpty()
                            ? "\nand no line contains \"" + start + "\""
                            : "\nlines that start alike:\n  " + String.join("\n  ", near)));
        }
        return this;
    }

    /** Fails if the log contains the text anywhere; the message shows the lines that do. */
    public BuildLog lacks(CharSequence unexpected) {
        String unwanted = unexpected.toString();
        if (text.contains(unwanted)) {
            String lines = lines().stream()
                    .filter(line -> line.contains(unwanted))
                    .limit(HINT_LINES)
                    .collect(Collectors.joining("\n  "));
            throw new AssertionError("build.log should not contain \"" + unwanted + "\" but does"
                    + (lines.isEmpty() ? " (across lines)" : ":\n  " + lines));
        }
        return this;
    }

    /** The first line that starts with the prefix; fails, saying so, when there is none. */
    public String line(CharSequence prefix) {
        String start = prefix.toString();
        return lines().stream()
                .filter(line -> line.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("build.log has no line starting with:\n  " + start));
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "build.log (" + lines().size() + " lines)";
    }
}
