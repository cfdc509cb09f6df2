package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A file is written whole or not at all: through a temporary file in its folder and one atomic move. */
class AtomicFileTest {
    @TempDir
    Path folder;

    /** A write of the whole file, or an append to it. */
    interface Change {
        void apply(Path file, String text) throws IOException;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(
                        Named.of("a write replaces the file", (Change) AtomicFile::write),
                        "a/b/report.json",
                        "first",
                        "second",
                        "second"),
                Arguments.of(
                        Named.of("an append keeps what was there and adds the whole text", (Change) AtomicFile::append),
                        "summary.md",
                        "one\n",
                        "two\n",
                        "one\ntwo\n"));
    }

    @ParameterizedTest(name = "{0}, and leaves no temporary file")
    @MethodSource("changes")
    void aChangeLeavesTheWholeTextAndNoTemporaryFile(
            Change change, String name, String first, String second, String result) throws Exception {
        Path file = folder.resolve(name);
        change.apply(file, first);
        change.apply(file, second);

        assertThat(Files.readString(file)).isEqualTo(result);
        assertThat(Files.list(file.getParent())).containsExactly(file);
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
