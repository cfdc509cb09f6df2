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
 * @param author {@code select=active}: only deployments by this author
 * @param hostQuery {@code select=active}: only deployments with this host query
 * @param targetPackages a retry of a package deployment: the packages to install, "name@version,..."
 */
public record DatadogSettings(
        Setting<String> site,
        Setting<Secret> apiKey,
        Setting<Secret> applicationKey,
        Setting<String> datadogApi,
        Setting<String> author,
        Setting<String> hostQuery,
        Setting<String> targetPackages) {

    /** Where to send and how to authenticate only: no selection, no packages. */
    public DatadogSettings(
            Setting<String> site, Setting<Secret> apiKey, Setting<Secret> applicationKey, Setting<String> datadogApi) {
        this(
                site,
                apiKey,
                applicationKey,
                datadogApi,
                Setting.unset("author"),
                Setting.unset("hostQuery"),
                Setting.unset("targetPackages"));
    }
}
