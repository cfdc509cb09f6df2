package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.Operation;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Retries the failed devices of deployments (Azure Device Update). Datadog Fleet Automation has no retry
 * operation: with {@code provider=datadog} this goal fails before sending anything, and says so.
 */
@Mojo(
        name = "retry-deployment",
        requiresProject = false,
        threadSafe = true,
        aggregator = true,
        configurator = FleetConfigurator.ID)
public class RetryDeploymentMojo extends AbstractFleetMojo {

    @Inject
    public RetryDeploymentMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected Operation operation() {
        return Operation.RETRY;
    }
}
