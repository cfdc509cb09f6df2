package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.Setting;

/**
 * What a target configures for Datadog, as the user gave it; {@link DatadogConfig#resolve} checks it and fills in
 * what is missing from the settings server and the environment.
 *
 * @param site the Datadog site, in any form Datadog writes it
 * @param apiKey the API key
 * @param applicationKey the application key
 * @param datadogApi the API generation: "v2" or "unstable"
 */
public record DatadogSettings(
        Setting<String> site, Setting<Secret> apiKey, Setting<Secret> applicationKey, Setting<String> datadogApi) {}
