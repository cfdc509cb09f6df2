package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.SecretMasker;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's, with every known secret masked on the way. */
final class MavenFleetLog implements FleetLog {
    private final Log log;
    private final SecretMasker masker;

    MavenFleetLog(Log log, SecretMasker masker) {
        this.log = log;
        this.masker = masker;
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(masker.mask(message));
        }
    }

    @Override
    public void info(String message) {
        log.info(masker.mask(message));
    }

    @Override
    public void warn(String message) {
        log.warn(masker.mask(message));
    }

    @Override
    public void error(String message) {
        log.error(masker.mask(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
