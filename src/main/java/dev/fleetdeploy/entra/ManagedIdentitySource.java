package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.Environment;
import java.util.List;
import java.util.Optional;

/**
 * Where a managed identity's token comes from, told apart by the environment variables each Azure host sets, in the
 * order MSAL for Java checks them (docs/entra-id.md). The instance metadata service (IMDS) is what is left: it has no
 * variable, so only a probe can tell whether it is there.
 */
public enum ManagedIdentitySource {
    SERVICE_FABRIC("Service Fabric"),
    APP_SERVICE("App Service / Functions / Container Apps"),
    CLOUD_SHELL("Cloud Shell"),
    AZURE_ARC("Azure Arc"),
    IMDS("the instance metadata service (VM, scale set, AKS)");

    static final String IDENTITY_ENDPOINT = "IDENTITY_ENDPOINT";
    static final String IDENTITY_HEADER = "IDENTITY_HEADER";
    static final String IDENTITY_SERVER_THUMBPRINT = "IDENTITY_SERVER_THUMBPRINT";
    static final String MSI_ENDPOINT = "MSI_ENDPOINT";
    static final String IMDS_ENDPOINT = "IMDS_ENDPOINT";

    /** The variables that point MSAL's sources somewhere, all of them. */
    public static final List<String> VARIABLES =
            List.of(IDENTITY_ENDPOINT, IDENTITY_HEADER, IDENTITY_SERVER_THUMBPRINT, MSI_ENDPOINT, IMDS_ENDPOINT);

    private final String display;

    ManagedIdentitySource(String display) {
        this.display = display;
    }

    /** "App Service / Functions / Container Apps". */
    public String display() {
        return display;
    }

    /** The variable holding this source's endpoint, as {@link #of} finds it; empty for IMDS, which has none. */
    public Optional<String> endpointVariable() {
        return switch (this) {
            case CLOUD_SHELL -> Optional.of(MSI_ENDPOINT);
            case IMDS -> Optional.empty();
            default -> Optional.of(IDENTITY_ENDPOINT);
        };
    }

    /** The source the environment names, as MSAL chooses it; {@link #IMDS} when it names none. */
    public static ManagedIdentitySource of(Environment env) {
        boolean identityEndpoint = env.get(IDENTITY_ENDPOINT).isPresent();
        if (identityEndpoint && env.get(IDENTITY_HEADER).isPresent()) {
            return env.get(IDENTITY_SERVER_THUMBPRINT).isPresent() ? SERVICE_FABRIC : APP_SERVICE;
        }
        if (env.get(MSI_ENDPOINT).isPresent()) {
            return CLOUD_SHELL;
        }
        if (identityEndpoint && env.get(IMDS_ENDPOINT).isPresent()) {
            return AZURE_ARC;
        }
        return IMDS;
    }
}
