package dev.fleetdeploy.testing;

import dev.fleetdeploy.testing.RecordingLog.Level;
import org.apache.maven.plugin.logging.Log;

/** A {@link RecordingLog} as Maven's {@link Log}: every level enabled, a logged throwable kept with its trace. */
final class MavenLogView implements Log {
    private final RecordingLog log;

    MavenLogView(RecordingLog log) {
        this.log = log;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        log.record(Level.DEBUG, content, null);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.record(Level.DEBUG, content, error);
    }

    @Override
    public void debug(Throwable error) {
        log.record(Level.DEBUG, null, error);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        log.record(Level.INFO, content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.record(Level.INFO, content, error);
    }

    @Override
    public void info(Throwable error) {
        log.record(Level.INFO, null, error);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        log.record(Level.WARNING, content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.record(Level.WARNING, content, error);
    }

    @Override
    public void warn(Throwable error) {
        log.record(Level.WARNING, null, error);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        log.record(Level.ERROR, content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.record(Level.ERROR, content, error);
    }

    @Override
    public void error(Throwable error) {
        log.record(Level.ERROR, null, error);
    }
}
