package dev.fleetdeploy.providers;

import dev.fleetdeploy.core.CommonParameters;
import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ProviderKind;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.TargetSettings;
import dev.fleetdeploy.datadog.DatadogConfig;
import dev.fleetdeploy.datadog.DatadogProvider;
import dev.fleetdeploy.http.HttpTransport;

/** Builds the provider a target names, with its settings resolved and checked. Sends nothing. */
public final class Providers {
    private Providers() {
    }

    /**
     * @param operation what the provider will be asked to do: refused first, if the provider has no such thing
     * @param masker learns every credential the provider will send, so that no output can show it
     */
    public static FleetProvider create(TargetSettings target, Operation operation, Environment env, ServerLookup servers,
            HttpTransport transport, SecretMasker masker) {
        ProviderKind kind = ProviderKind.parse(target.value(CommonParameters.PROVIDER), target.describe(CommonParameters.PROVIDER));
        if (kind == ProviderKind.DATADOG) {
            DatadogProvider.requireSupported(operation);
        }
        return switch (kind) {
            case DATADOG -> new DatadogProvider(DatadogConfig.resolve(target, env, servers, masker), transport);
            case AZURE_DEVICE_UPDATE -> throw new ConfigurationException("The provider azure-device-update is not"
                    + " available in this version of the plugin yet: only datadog is.");
        };
    }
}
