package dev.fleetdeploy.core;

import java.util.Locale;
import java.util.Optional;

/** The fleet services the plugin knows, by the names the user writes in {@code provider}. */
public enum ProviderKind {
    DATADOG("datadog", "Datadog"),
    AZURE_DEVICE_UPDATE("azure-device-update", "Azure Device Update");

    private final String id;
    private final String displayName;

    ProviderKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static ProviderKind parse(Optional<String> value, String origin) {
        String raw = value.orElseThrow(
                () -> new ConfigurationException("No provider: set " + origin + " to datadog or azure-device-update."));
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "datadog" -> DATADOG;
            case "azure-device-update", "adu" -> AZURE_DEVICE_UPDATE;
            default ->
                throw new ConfigurationException("Unknown provider '" + Quoted.of(raw) + "' in " + origin
                        + ": use datadog or azure-device-update (alias adu).");
        };
    }
}
