package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentIdsTest {
    private static final ParameterNaming NAMING = parameter -> parameter + " (-Dfleet." + parameter + ")";

    @TempDir
    Path folder;

    private static List<String> values(List<DeploymentId> ids) {
        return ids.stream().map(DeploymentId::value).toList();
    }

    @Test
    void commaListIsSplitAndTrimmed() {
        assertThat(values(DeploymentIds.collect(" abc , k7Q-3mX-p9Z,x ", null, null, NAMING)))
                .containsExactly("abc", "k7Q-3mX-p9Z", "x");
    }

    @Test
    void allThreeSourcesAreUsedInOrderAndRepeatsKeptOnce() throws IOException {
        Path file = Files.writeString(folder.resolve("ids.txt"), "from-file\nabc\n");
        List<DeploymentId> ids = DeploymentIds.collect("abc,def", List.of("from-list", "def"), file, NAMING);
        assertThat(values(ids)).containsExactly("abc", "def", "from-list", "from-file");
    }

    @Test
    void emptyEntryInCommaListIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> DeploymentIds.collect("a,,b", null, null, NAMING))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("deploymentId (-Dfleet.deploymentId) 'a,,b' has an empty entry: give every id, separated by single commas.");
        assertThatThrownBy(() -> DeploymentIds.collect("a,", null, null, NAMING))
                .hasMessageContaining("'a,' has an empty entry");
    }

    @Test
    void blankListEntryIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> DeploymentIds.collect(null, Arrays.asList("a", " "), null, NAMING))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Entry 2 of deploymentIds (-Dfleet.deploymentIds) is blank: remove it or fill in the deployment id.");
    }

    @Test
    void noIdAnywhereNamesAllThreeParameters() {
        assertThatThrownBy(() -> DeploymentIds.collect("  ", List.of(), null, NAMING))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("No deployment id: set deploymentId (-Dfleet.deploymentId), deploymentIds (-Dfleet.deploymentIds)"
                        + " or deploymentIdFile (-Dfleet.deploymentIdFile).");
    }

    @Test
    void fileSkipsBlankLinesCommentsByteOrderMarkAndCarriageReturns() throws IOException {
        Path file = folder.resolve("ids.txt");
        Files.write(file, "\uFEFFfirst\r\n\r\n# written by the deploy step\r\n  second  \r\n#third\n".getBytes(StandardCharsets.UTF_8));
        assertThat(values(DeploymentIds.collect(null, null, file, NAMING))).containsExactly("first", "second");
    }

    @Test
    void missingFileIsNamedWithWhatToCheck() {
        Path file = folder.resolve("missing.txt");
        assertThatThrownBy(() -> DeploymentIds.collect(null, null, file, NAMING))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("deploymentIdFile (-Dfleet.deploymentIdFile) '" + file + "' does not exist")
                .hasMessageContaining("the step that writes the ids ran");
    }

    @Test
    void fileWithOnlyCommentsHoldsNoId() throws IOException {
        Path file = Files.writeString(folder.resolve("ids.txt"), "# nothing started\n\n");
        assertThatThrownBy(() -> DeploymentIds.collect(null, null, file, NAMING))
                .hasMessageContaining("holds no deployment id");
    }

    @Test
    void folderInsteadOfFileIsRefused() {
        assertThatThrownBy(() -> DeploymentIds.collect(null, null, folder, NAMING))
                .hasMessageContaining("is not a file");
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws IOException {
        Path file = folder.resolve("ids.txt");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0});
        assertThatThrownBy(() -> DeploymentIds.collect(null, null, file, NAMING))
                .hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void oddButValidIdsAreKeptAsWritten() {
        assertThat(values(DeploymentIds.collect(null, List.of("a b", "a/b", "déploiement-ü", "50%", "?x#y"), null, NAMING)))
                .containsExactly("a b", "a/b", "déploiement-ü", "50%", "?x#y");
    }

    @Test
    void dotSegmentsAndControlCharactersAreRefused() {
        assertThatThrownBy(() -> DeploymentIds.collect("..", null, null, NAMING))
                .hasMessage("The deployment id '..' in deploymentId (-Dfleet.deploymentId) is not a deployment id:"
                        + " give the id the provider returned when the deployment was created.");
        assertThatThrownBy(() -> DeploymentIds.collect(".", null, null, NAMING)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> DeploymentIds.collect(null, List.of("a\nb"), null, NAMING))
                .hasMessageContaining("contains a control character");
    }
}
