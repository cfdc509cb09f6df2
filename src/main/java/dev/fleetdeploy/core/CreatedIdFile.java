package dev.fleetdeploy.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code createdIdFile}: the ids of the deployments a run creates, one a line, appended as each is created, so that a
 * pipeline's abort hook can cancel them too ({@code deploymentIdFile} reads the same format). Each id is one write to a
 * file opened for appending, and the workers of a run take turns, so lines never mix; the folders are made first.
 */
public final class CreatedIdFile {
    private final Path file;

    public CreatedIdFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Appends the id as a line of its own. */
    public synchronized void append(String id) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(
                file,
                (id + System.lineSeparator()).getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
