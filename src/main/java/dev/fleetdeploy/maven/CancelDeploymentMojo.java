package dev.fleetdeploy.maven;

import dev.fleetdeploy.core.Operation;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Cancels deployments: Datadog Fleet Automation ({@code POST .../fleet/deployments/<id>/cancel}) stops their
 * pending host operations. Nothing already applied is rolled back. Any 2xx answer is success; anything else fails
 * the build (unless {@code failOnError=false}) with the API's own words and what to check.
 */
@Mojo(
        name = "cancel-deployment",
        requiresProject = false,
        threadSafe = true,
        aggregator = true,
        configurator = FleetConfigurator.ID)
public class CancelDeploymentMojo extends AbstractFleetMojo {

    @Inject
    public CancelDeploymentMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected Operation operation() {
        return Operation.CANCEL;
    }
}
