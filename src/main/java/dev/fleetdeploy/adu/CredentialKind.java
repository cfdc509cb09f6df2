package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Quoted;
import dev.fleetdeploy.core.Setting;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code credential} an ADU target names: {@code auto}, or one kind, which must then work on its own. */
enum CredentialKind {
    AUTO("auto"),
    ACCESS_TOKEN("access-token"),
    CLIENT_SECRET("client-secret"),
    CLIENT_CERTIFICATE("client-certificate"),
    WORKLOAD_IDENTITY("workload-identity"),
    MANAGED_IDENTITY("managed-identity"),
    AZURE_CLI("azure-cli");

    private final String id;

    CredentialKind(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** The kind the setting names; {@link #AUTO} when unset. */
    static CredentialKind parse(Setting<String> setting) {
        return setting.optional()
                .map(value -> Arrays.stream(values())
                        .filter(kind -> kind.id.equals(value.strip().toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> new ConfigurationException(
                                setting.name() + " is '" + Quoted.of(value) + "': give one of " + all() + ".")))
                .orElse(AUTO);
    }

    static String all() {
        return Arrays.stream(values()).map(CredentialKind::id).collect(Collectors.joining(", "));
    }
}
