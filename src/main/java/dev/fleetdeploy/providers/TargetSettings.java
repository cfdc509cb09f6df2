package dev.fleetdeploy.providers;

import dev.fleetdeploy.adu.AduSettings;
import dev.fleetdeploy.core.CommonSettings;
import dev.fleetdeploy.datadog.DatadogSettings;

/**
 * Everything the user configured for one target, typed, as the front end hands it down once: the provider reads
 * its own part.
 */
public record TargetSettings(CommonSettings common, DatadogSettings datadog, AduSettings adu) {}
