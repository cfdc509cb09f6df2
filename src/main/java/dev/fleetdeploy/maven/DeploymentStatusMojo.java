package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.Operation;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints deployments' state and host counts (Datadog: total, succeeded, failed, running, canceled, skipped), and
 * with {@code wait} polls until each reaches a final state.
 */
@Mojo(
        name = "deployment-status",
        requiresProject = false,
        threadSafe = true,
        aggregator = true,
        configurator = FleetConfigurator.ID)
public class DeploymentStatusMojo extends AbstractFleetMojo {

    @Inject
    public DeploymentStatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected Operation operation() {
        return Operation.STATUS;
    }
}
