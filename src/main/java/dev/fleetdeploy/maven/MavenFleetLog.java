package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.WireText;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's, with every known secret masked on the way, and each message kept to the one
 * line it is: the core cleans every network text where it enters ({@link WireText}), and this is the last guard, so
 * that no server can start a log line of its own ("[INFO] BUILD SUCCESS") whatever path its words took.
 */
final class MavenFleetLog implements FleetLog {
    private final Log log;
    private final SecretMasker masker;

    MavenFleetLog(Log log, SecretMasker masker) {
        this.log = log;
        this.masker = masker;
    }

    private String shown(String message) {
        return WireText.line(masker.mask(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(shown(message));
        }
    }

    @Override
    public void info(String message) {
        log.info(shown(message));
    }

    @Override
    public void warn(String message) {
        log.warn(shown(message));
    }

    @Override
    public void error(String message) {
        log.error(shown(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
