package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetdeploy.testing.TestIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentIdsTest {
    private static final Function<String, String> NAMING = parameter -> parameter + " (-Dfleet." + parameter + ")";

    @TempDir
    Path folder;

    private static List<String> values(List<DeploymentId> ids) {
        return ids.stream().map(DeploymentId::value).toList();
    }

    @Test
    void commaListIsSplitAndTrimmed() {
        assertThat(values(new TestIds(" abc , k7Q-3mX-p9Z,x ", null, null)
                        .sources(NAMING)
                        .collect()))
                .containsExactly("abc", "k7Q-3mX-p9Z", "x");
    }

    @Test
    void allThreeSourcesAreUsedInOrderAndRepeatsKeptOnce() throws IOException {
        Path file = Files.writeString(folder.resolve("ids.txt"), "from-file\nabc\n");
        List<DeploymentId> ids = new TestIds("abc,def", List.of("from-list", "def"), file)
                .sources(NAMING)
                .collect();
        assertThat(values(ids)).containsExactly("abc", "def", "from-list", "from-file");
    }

    @Test
    void emptyEntryInCommaListIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new TestIds("a,,b", null, null).sources(NAMING).collect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "deploymentId (-Dfleet.deploymentId) 'a,,b' has an empty entry: give every id, separated by single commas.");
        assertThatThrownBy(() -> new TestIds("a,", null, null).sources(NAMING).collect())
                .hasMessageContaining("'a,' has an empty entry");
    }

    @Test
    void blankListEntryIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> new TestIds(null, Arrays.asList("a", " "), null)
                        .sources(NAMING)
                        .collect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "Entry 2 of deploymentIds (-Dfleet.deploymentIds) is blank: remove it or fill in the deployment id.");
    }

    @Test
    void noIdAnywhereNamesAllThreeParameters() {
        assertThatThrownBy(
                        () -> new TestIds("  ", List.of(), null).sources(NAMING).collect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "No deployment id: set deploymentId (-Dfleet.deploymentId), deploymentIds (-Dfleet.deploymentIds)"
                                + " or deploymentIdFile (-Dfleet.deploymentIdFile).");
    }

    @Test
    void fileSkipsBlankLinesCommentsByteOrderMarkAndCarriageReturns() throws IOException {
        Path file = folder.resolve("ids.txt");
        Files.write(
                file,
                "\uFEFFfirst\r\n\r\n# written by the deploy step\r\n  second  \r\n#third\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(values(new TestIds(null, null, file).sources(NAMING).collect()))
                .containsExactly("first", "second");
    }

    @Test
    void missingFileIsNamedWithWhatToCheck() {
        Path file = folder.resolve("missing.txt");
        assertThatThrownBy(() -> new TestIds(null, null, file).sources(NAMING).collect())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("deploymentIdFile (-Dfleet.deploymentIdFile) '" + file + "' does not exist")
                .hasMessageContaining("the step that writes the ids ran");
    }

    @Test
    void fileWithOnlyCommentsHoldsNoId() throws IOException {
        Path file = Files.writeString(folder.resolve("ids.txt"), "# nothing started\n\n");
        assertThatThrownBy(() -> new TestIds(null, null, file).sources(NAMING).collect())
                .hasMessageContaining("holds no deployment id");
    }

    @Test
    void folderInsteadOfFileIsRefused() {
        assertThatThrownBy(() -> new TestIds(null, null, folder).sources(NAMING).collect())
                .hasMessageContaining("is not a file");
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws IOException {
        Path file = folder.resolve("ids.txt");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0});
        assertThatThrownBy(() -> new TestIds(null, null, file).sources(NAMING).collect())
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void oddButValidIdsAreKeptAsWritten() {
        assertThat(values(new TestIds(null, List.of("a b", "déploiement-ü", "50%", "?x#y"), null)
                        .sources(NAMING)
                        .collect()))
                .containsExactly("a b", "déploiement-ü", "50%", "?x#y");
    }

    @Test
    void slashesAndAbsurdLengthsAreRefused() {
        assertThatThrownBy(() -> new TestIds("a/b", null, null).sources(NAMING).collect())
                .hasMessage("The deployment id 'a/b' in deploymentId (-Dfleet.deploymentId) contains a slash, which no"
                        + " deployment id has: give the id alone, not a path or URL.");
        assertThatThrownBy(() -> new TestIds(null, List.of("..\\x"), null)
                        .sources(NAMING)
                        .collect())
                .hasMessageContaining("contains a slash");
        assertThatThrownBy(() ->
                        new TestIds("x".repeat(257), null, null).sources(NAMING).collect())
                .hasMessage("The deployment id in deploymentId (-Dfleet.deploymentId) has 257 characters, more than any"
                        + " provider's (256): give the id alone.");
    }

    @Test
    void aHugeIdFileIsRefusedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ids.txt");
        java.nio.file.Files.write(file, new byte[(int) DeploymentIds.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> new TestIds(null, null, file).sources(NAMING).collect())
                .hasMessage("deploymentIdFile (-Dfleet.deploymentIdFile) '" + file
                        + "' is 1025 KB, more than the 1024 KB an id"
                        + " file may hold: check that it is the file of deployment ids.");
    }

    @Test
    void anIdFileWithTooManyIdsIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("ids.txt");
        java.nio.file.Files.writeString(
                file,
                String.join(
                        "\n",
                        java.util.stream.IntStream.rangeClosed(0, DeploymentIds.MAX_IDS)
                                .mapToObj(i -> "id-" + i)
                                .toList()));
        assertThatThrownBy(() -> new TestIds(null, null, file).sources(NAMING).collect())
                .hasMessageContaining("holds 10001 ids, more than the 10000 one execution takes");
    }

    @Test
    void dotSegmentsAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> new TestIds("..", null, null).sources(NAMING).collect())
                .hasMessage("The deployment id '..' in deploymentId (-Dfleet.deploymentId) is not a deployment id:"
                        + " give the id the provider returned when the deployment was created.");
        assertThatThrownBy(() -> new TestIds(".", null, null).sources(NAMING).collect())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() ->
                        new TestIds(null, List.of("a\nb"), null).sources(NAMING).collect())
                .hasMessageContaining("contains a control character");
    }
}
