package dev.fleetdeploy.core;

/** Where the core reports progress; a front end (the Maven log, a test) implements it. */
public interface FleetLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    boolean isDebugEnabled();
}
