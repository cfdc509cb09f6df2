package dev.fleetdeploy.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.testing.RecordingLog;
import org.junit.jupiter.api.Test;

/** The last guard of the Maven log: every line masked, and kept to one line, at every level. */
class MavenFleetLogTest {

    @Test
    void noMessageStartsALineOfItsOwnAtAnyLevel() {
        RecordingLog maven = new RecordingLog();
        SecretMasker masker = new SecretMasker();
        masker.register(Secret.of("guard-secret-5e1d"));
        MavenFleetLog log = new MavenFleetLog(maven.mavenLog(), masker);

        String forged = "x guard-secret-5e1d\r\n[INFO] BUILD SUCCESS\u001b[0m\u202e";
        log.debug(forged);
        log.info(forged);
        log.warn(forged);
        log.error(forged);

        String shown = "x ****\\u000d\\u000a[INFO] BUILD SUCCESS\\u001b[0m\\u202e";
        assertThat(maven.lines())
                .containsExactly("[DEBUG] " + shown, "[INFO] " + shown, "[WARNING] " + shown, "[ERROR] " + shown);
    }
}
