package dev.fleetdeploy.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: the text goes to a temporary file in the same folder, which then replaces the
 * file in one atomic move. A build stopped halfway (a second signal, a kill) leaves the old file or the new one,
 * never half of one; a reader never sees a half-written report.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Replaces {@code file}'s content with {@code text} (UTF-8), creating its folders. */
    public static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Adds {@code text} at the end of {@code file} (created if missing), atomically as {@link #write} does: the file
     * holds its old content, or its old content and all of the text. Where its folder takes no temporary file (a file
     * someone else provides), the text is appended in one write instead.
     */
    public static void append(Path file, String text) throws IOException {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        try {
            write(file, before + text);
        } catch (java.nio.file.AccessDeniedException e) {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
