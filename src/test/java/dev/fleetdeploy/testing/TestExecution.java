package dev.fleetdeploy.testing;

import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.maven.MavenTerms;
import dev.fleetdeploy.providers.FleetExecution;
import dev.fleetdeploy.providers.TargetSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A goal's execution for a test below the Mojo, put together as a goal does it (no settings.xml servers, Maven's words
 * in messages). A test names what it varies; the rest is the defaults below.
 *
 * @param http by default no retries ({@link TestHttp#retries})
 * @param options by default no dry run, no wait, one deployment at a time, no time limit
 * @param environment the variables the providers may read credentials from; by default none
 * @param offline as under {@code mvn -o}; by default online
 */
public record TestExecution(
        Operation operation,
        List<TargetSettings> targets,
        HttpSettings http,
        RunOptions options,
        Map<String, String> environment,
        boolean offline) {

    public static TestExecution of(Operation operation, TargetSettings... targets) {
        return new TestExecution(
                operation,
                List.of(targets),
                TestHttp.retries(0),
                TestRunOptions.of(false, false, Duration.ofSeconds(60), Duration.ofSeconds(1), 1, false, null),
                Map.of(),
                false);
    }

    public TestExecution with(HttpSettings http) {
        return new TestExecution(operation, targets, http, options, environment, offline);
    }

    public TestExecution with(RunOptions options) {
        return new TestExecution(operation, targets, http, options, environment, offline);
    }

    public TestExecution withEnvironment(Map<String, String> environment) {
        return new TestExecution(operation, targets, http, options, environment, offline);
    }

    public TestExecution offline(boolean offline) {
        return new TestExecution(operation, targets, http, options, environment, offline);
    }

    /** On the fake clock: its retries, waits and deadline pass without taking time. */
    public FleetExecution on(FakeTime time) {
        return on(time.clock(), time);
    }

    public FleetExecution on(Clock clock, Sleeper sleeper) {
        return new FleetExecution(
                operation,
                targets,
                http,
                options,
                Environment.of(environment),
                ServerLookup.NONE,
                offline,
                MavenTerms.TERMS,
                clock,
                sleeper);
    }

    /** Runs it on the fake clock, with a masker of its own. */
    public RunReport run(FakeTime time, FleetLog log) throws InterruptedException {
        return on(time).run(log, new SecretMasker());
    }
}
