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
import dev.fleetdeploy.core.RunProgress;
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
        return run(log, masker, new RunProgress(terms));
    }

    /**
     * @param progress learns each step and the requests on their way, so that the front end can report where the run
     *     stood if the build is stopped halfway
     */
    public RunReport run(FleetLog log, SecretMasker masker, RunProgress progress) throws InterruptedException {
        Deadline deadline = options.deadline(clock);
        try (HttpTransport transport = new HttpTransport(http, log, terms, sleeper, clock, deadline, masker)) {
            progress.watch(transport.inFlight());
            List<FleetTarget> fleetTargets = new ArrayList<>(targets.size());
            boolean reads = false;
            for (TargetSettings target : targets) {
                FleetProvider provider = Providers.create(
                        target,
                        operation,
                        environment,
                        servers,
                        transport,
                        masker,
                        clock,
                        sleeper,
                        !offline && !options.dryRun());
                if (target.common().deploymentIds().selectsActive()) {
                    fleetTargets.add(new FleetTarget(target.common().target(), provider, List.of(), true));
                    reads = true;
                    continue;
                }
                List<DeploymentId> ids = target.common().deploymentIds().collect();
                ids.forEach(provider::checkDeploymentId);
                fleetTargets.add(new FleetTarget(target.common().target(), provider, ids));
                reads |= provider.planReads(operation);
            }
            if (offline && !options.dryRun()) {
                throw new ConfigurationException("The build is offline, and " + operation.goal()
                        + " must reach the provider's API: run it online (in Maven, without -o); nothing was sent.");
            }
            if (offline && reads) {
                throw new ConfigurationException("The build is offline, and even a dry run of " + operation.goal()
                        + " must read the provider's API here (to find the active deployments, or to show the exact"
                        + " body of a retry): run it online (in Maven, without -o); nothing was sent.");
            }
            return new DeploymentRunner(log, options, terms, sleeper, clock, deadline)
                    .run(operation, fleetTargets, progress);
        }
    }
}
