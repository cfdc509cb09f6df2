package dev.fleetdeploy.providers;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Deadline;
import dev.fleetdeploy.core.DeploymentId;
import dev.fleetdeploy.core.DeploymentRunner;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetLog;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.FleetTarget;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.RunOptions;
import dev.fleetdeploy.core.RunReport;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.core.UserTerms;
import dev.fleetdeploy.http.HttpSettings;
import dev.fleetdeploy.http.HttpTransport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One goal's work, for any front end: builds every target's provider (checking all configuration before anything is
 * sent), then runs the operation over every deployment through one shared transport.
 *
 * @param offline whether the network is off limits (Maven's {@code -o}); only a dry run then proceeds
 * @param terms the front end's words for the settings and goals that messages tell the user about
 * @param clock what the execution's deadline, retries, rate-limit pauses, waits and token lifetimes are measured on
 * @param sleeper how it waits
 */
public record FleetExecution(
        Operation operation,
        List<TargetSettings> targets,
        HttpSettings http,
        RunOptions options,
        Environment environment,
        ServerLookup servers,
        boolean offline,
        UserTerms terms,
        Clock clock,
        Sleeper sleeper) {

    public FleetExecution {
        targets = List.copyOf(targets);
    }

    /** @param masker learns every credential on the way, for the front end's output */
    public RunReport run(FleetLog log, SecretMasker masker) throws InterruptedException {
        Deadline deadline = options.deadline(clock);
        try (HttpTransport transport = new HttpTransport(http, log, terms, sleeper, clock, deadline)) {
            List<FleetTarget> fleetTargets = new ArrayList<>(targets.size());
            for (TargetSettings target : targets) {
                FleetProvider provider = Providers.create(
                        target,
                        operation,
                        environment,
                        servers,
                        transport,
                        masker,
                        clock,
                        !offline && !options.dryRun());
                List<DeploymentId> ids = target.common().deploymentIds().collect();
                ids.forEach(provider::checkDeploymentId);
                fleetTargets.add(new FleetTarget(target.common().target(), provider, ids));
            }
            if (offline && !options.dryRun()) {
                throw new ConfigurationException("The build is offline, and " + operation.goal()
                        + " must reach the provider's API: run it online (in Maven, without -o); nothing was sent.");
            }
            return new DeploymentRunner(log, options, terms, sleeper, clock, deadline).run(operation, fleetTargets);
        }
    }
}
