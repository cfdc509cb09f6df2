package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is written whole or not at all: through a temporary file in its folder and one atomic move. */
class AtomicFileTest {
    @TempDir
    Path folder;

    @Test
    void aWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = folder.resolve("a/b/report.json");
        AtomicFile.write(file, "first");
        AtomicFile.write(file, "second");

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void anAppendKeepsWhatWasThereAndAddsTheWholeText() throws Exception {
        Path file = folder.resolve("summary.md");
        AtomicFile.append(file, "one\n");
        AtomicFile.append(file, "two\n");

        assertThat(Files.readString(file)).isEqualTo("one\ntwo\n");
        assertThat(Files.list(folder)).containsExactly(file);
    }

    @Test
    void aReaderSeesTheOldFileOrTheNewOneNeverAPart() throws Exception {
        Path file = folder.resolve("report.json");
        String small = "{\"n\":0}";
        String large = "{\"n\":\"" + "x".repeat(2_000_000) + "\"}";
        AtomicFile.write(file, small);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    AtomicFile.write(file, i % 2 == 0 ? large : small);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        while (writer.isAlive()) {
            String seen = Files.readString(file);
            assertThat(seen).isIn(small, large);
        }
        writer.join();
    }
}
