package dev.fleetdeploy.core;

import java.time.Duration;

/** Waits; tests substitute one that records the waits instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
