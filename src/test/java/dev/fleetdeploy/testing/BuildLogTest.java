package dev.fleetdeploy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The ITs' log checks must fail when they should, with a message that points at the difference. */
class BuildLogTest {
    private final BuildLog log = BuildLog.ofText("""
            [INFO] Scanning for projects...
            [ERROR] Datadog cancel of deployment 'd' failed: HTTP 400 Bad Request: gone.. Check it.
            [INFO] BUILD FAILURE
            [INFO] BUILD FAILURE
            """);

    @Test
    void showsPassesWhenTheTextIsThere() {
        assertThat(log.shows("HTTP 400 Bad Request").lacks("BUILD SUCCESS")).isSameAs(log);
    }

    @Test
    void showsFailsWithTheLinesThatStartAlike() {
        assertThatThrownBy(() -> log.shows(
                        "[ERROR] Datadog cancel of deployment 'd' failed: HTTP 400 Bad Request: gone. Check it."))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "does not contain:\n  [ERROR] Datadog cancel of deployment 'd' failed: HTTP 400 Bad Request: gone. Check it.")
                .hasMessageContaining(
                        "lines that start alike:\n  [ERROR] Datadog cancel of deployment 'd' failed: HTTP 400 Bad Request: gone.. Check it.");
    }

    @Test
    void showsSaysWhenNothingIsClose() {
        assertThatThrownBy(() -> log.shows("[WARNING] nothing"))
                .hasMessageContaining("and no line contains \"[WARNING] nothing\"");
    }

    @Test
    void lacksFailsWithTheOffendingLines() {
        assertThatThrownBy(() -> log.lacks("gone.."))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("should not contain \"gone..\" but does:\n  [ERROR] Datadog cancel");
    }

    @Test
    void countsAndFindsLines() {
        assertThat(log.count("BUILD FAILURE")).isEqualTo(2);
        assertThat(log.count("BUILD SUCCESS")).isZero();
        assertThat(log.line("[ERROR] ")).contains("HTTP 400");
        assertThatThrownBy(() -> log.line("[DEBUG]")).hasMessageContaining("no line starting with:\n  [DEBUG]");
    }
}
