package dev.fleetdeploy.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void aForgedLogLineStaysOnTheLineItCameIn() {
        assertThat(WireText.clean("stopping\r\n[INFO] BUILD SUCCESS"))
                .isEqualTo("stopping\\u000d\\u000a[INFO] BUILD SUCCESS")
                .doesNotContain("\n", "\r");
    }

    @Test
    void terminalEscapesAndC1ControlsAreShownNotActedOn() {
        assertThat(WireText.clean("\u001b[31mred\u001b[0m \u009b2J")).isEqualTo("\\u001b[31mred\\u001b[0m \\u009b2J");
    }

    @Test
    void bidiControlsCannotReorderWhatTheLogShows() {
        assertThat(WireText.clean("host-\u202eexe.txt\u2066x\u2069")).isEqualTo("host-\\u202eexe.txt\\u2066x\\u2069");
        assertThat(WireText.clean("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
    }

    @Test
    void everyTextIsBounded() {
        String cleaned = WireText.clean("x".repeat(900_000));
        assertThat(cleaned).hasSize(WireText.MAX_LENGTH).endsWith("…");
    }

    @Test
    void ordinaryTextPassesUnchanged() {
        assertThat(WireText.clean("Cancellation has been requested; the deployment is stopping. Déjà 🚀"))
                .isEqualTo("Cancellation has been requested; the deployment is stopping. Déjà 🚀");
        assertThat(WireText.clean(null)).isNull();
    }

    @Test
    void aLoneSurrogateIsShownEscaped() {
        assertThat(WireText.clean("a\ud800b")).isEqualTo("a\\ud800b");
    }
}
