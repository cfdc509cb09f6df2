package dev.fleetdeploy.providers;

import dev.fleetdeploy.adu.AduConfig;
import dev.fleetdeploy.adu.AduProvider;
import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.core.Environment;
import dev.fleetdeploy.core.FleetProvider;
import dev.fleetdeploy.core.Operation;
import dev.fleetdeploy.core.ProviderKind;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.ServerLookup;
import dev.fleetdeploy.core.Sleeper;
import dev.fleetdeploy.datadog.DatadogConfig;
import dev.fleetdeploy.datadog.DatadogProvider;
import dev.fleetdeploy.entra.TokenSources;
import dev.fleetdeploy.http.HttpTransport;
import java.time.Clock;

/** Builds the provider a target names, with its settings resolved and checked. Sends nothing. */
public final class Providers {
    private Providers() {}

    private static AduProvider adu(AduConfig config, HttpTransport transport, SecretMasker masker, Clock clock) {
        return new AduProvider(
                config,
                TokenSources.create(config.credential(), AduConfig.TOKEN_SCOPE, transport, masker, clock),
                transport);
    }

    /**
     * @param operation what the provider will be asked to do: refused first, if the provider has no such thing
     * @param masker learns every credential the provider will send, so that no output can show it
     * @param clock what a token's lifetime is measured on
     * @param sleeper how a provider waits between its own steps (a Datadog retry before it checks the list)
     * @param maySend whether anything may be sent while the configuration is checked (not in a dry run nor offline):
     *     an ADU target's {@code credential=auto} probes the instance metadata endpoint only then
     */
    public static FleetProvider create(
            TargetSettings target,
            Operation operation,
            Environment env,
            ServerLookup servers,
            HttpTransport transport,
            SecretMasker masker,
            Clock clock,
            Sleeper sleeper,
            boolean maySend) {
        CommonSettings common = target.common();
        ProviderKind kind = ProviderKind.parse(
                common.provider().optional(), common.provider().name());
        return switch (kind) {
            case DATADOG ->
                new DatadogProvider(
                        DatadogConfig.resolve(common, target.datadog(), operation, env, servers, masker),
                        transport,
                        clock,
                        sleeper);
            case AZURE_DEVICE_UPDATE ->
                adu(AduConfig.resolve(common, target.adu(), env, servers, masker, maySend), transport, masker, clock);
        };
    }
}
