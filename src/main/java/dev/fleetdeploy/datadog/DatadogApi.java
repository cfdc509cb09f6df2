package dev.fleetdeploy.datadog;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import java.util.Locale;

/**
 * The two generations of Datadog's Fleet deployments API: {@code v2}, public since August 2026, whose cancel answers
 * 200 with a body; and {@code unstable}, the Preview generation, whose cancel answers 204.
 */
public enum DatadogApi {
    V2("v2", "/api/v2/fleet/deployments"),
    UNSTABLE("unstable", "/api/unstable/fleet/deployments");

    public static final DatadogApi DEFAULT = V2;

    private final String id;
    private final String deploymentsPath;

    DatadogApi(String id, String deploymentsPath) {
        this.id = id;
        this.deploymentsPath = deploymentsPath;
    }

    public String id() {
        return id;
    }

    /** "/api/v2/fleet/deployments". */
    public String deploymentsPath() {
        return deploymentsPath;
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
