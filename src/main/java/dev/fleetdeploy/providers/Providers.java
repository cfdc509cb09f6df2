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
import dev.fleetdeploy.entra.ClientCredential;
import dev.fleetdeploy.entra.EntraTokenClient;
import dev.fleetdeploy.entra.ReadyToken;
import dev.fleetdeploy.entra.TokenSource;
import dev.fleetdeploy.http.HttpTransport;
import java.time.Clock;

/** Builds the provider a target names, with its settings resolved and checked. Sends nothing. */
public final class Providers {
    private Providers() {}

    private static AduProvider adu(AduConfig config, HttpTransport transport, SecretMasker masker, Clock clock) {
        // Java 17: no pattern switch yet; AzureCredential is sealed to these two.
        TokenSource tokens = config.credential() instanceof ReadyToken ready
                ? ready
                : new EntraTokenClient(
                        (ClientCredential) config.credential(), AduConfig.TOKEN_SCOPE, transport, masker, clock);
        return new AduProvider(config, tokens, transport);
    }

    /**
     * @param operation what the provider will be asked to do: refused first, if the provider has no such thing
     * @param masker learns every credential the provider will send, so that no output can show it
     * @param clock what a token's lifetime is measured on
     * @param sleeper how a provider waits between its own steps (a Datadog retry before it checks the list)
     */
    public static FleetProvider create(
            TargetSettings target,
            Operation operation,
            Environment env,
            ServerLookup servers,
            HttpTransport transport,
            SecretMasker masker,
            Clock clock,
            Sleeper sleeper) {
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
                adu(AduConfig.resolve(common, target.adu(), env, servers, masker), transport, masker, clock);
        };
    }
}
