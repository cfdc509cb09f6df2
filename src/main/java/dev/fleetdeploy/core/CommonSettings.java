package dev.fleetdeploy.core;

/**
 * What every target configures, whichever its provider.
 *
 * @param target how the target is named
 * @param provider which service: "datadog", "azure-device-update" or "adu"
 * @param deploymentIds where the deployment ids are written
 * @param baseUrl {@code scheme://host[:port]} that replaces the provider's API host
 * @param serverId the id of the user's stored server credentials (a settings.xml {@code <server>} in Maven)
 */
public record CommonSettings(
        TargetName target,
        Setting<String> provider,
        DeploymentIdSources deploymentIds,
        Setting<String> baseUrl,
        Setting<String> serverId) {}
