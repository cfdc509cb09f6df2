package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import java.util.Locale;

/**
 * The two generations of Datadog's Fleet deployments API: {@code v2}, public since August 2026, whose cancel answers
 * 200 with a body; and {@code unstable}, the Preview generation, whose cancel answers 204.
 */
public enum DatadogApi {
    V2,
    UNSTABLE;

    public static final DatadogApi DEFAULT = V2;

    /** "v2", as the user writes it in {@code datadogApi} and as it stands in the API's paths. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "/api/v2/fleet/deployments". */
    public String deploymentsPath() {
        return "/api/" + id() + "/fleet/deployments";
    }

    public static DatadogApi parse(String raw, String origin) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "v2" -> V2;
            case "unstable" -> UNSTABLE;
            default ->
                throw new ConfigurationException("Unknown Datadog API generation '" + Quoted.of(raw) + "' in " + origin
                        + ": use v2 (current) or unstable (the Preview endpoints).");
        };
    }
}
