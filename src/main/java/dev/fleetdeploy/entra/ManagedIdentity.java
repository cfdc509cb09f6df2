package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.Environment;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * An Azure managed identity: the machine's own (system-assigned), or one assigned to it, named by its client id or
 * its ARM resource id ({@code /subscriptions/.../userAssignedIdentities/name}).
 *
 * @param source where its token comes from
 * @param endpoint the origin every token request goes to: IMDS's base URL, or the source's endpoint variable's
 * @param environment what MSAL reads to find the source: the environment, with IMDS's address as resolved here
 * @param why why this credential was chosen, for the log ("credential=managed-identity")
 */
public record ManagedIdentity(
        ManagedIdentitySource source, UserAssigned userAssigned, HttpUrl endpoint, Environment environment, String why)
        implements AzureCredential {

    /**
     * A user-assigned identity's id, or null for the system-assigned one.
     *
     * @param resourceId whether {@code id} is an ARM resource id rather than a client id
     * @param origin where the id was set
     */
    public record UserAssigned(String id, boolean resourceId, String origin) {}

    public Optional<UserAssigned> user() {
        return Optional.ofNullable(userAssigned);
    }

    /** "the system-assigned managed identity" / "the user-assigned managed identity with client id 'abc' (from ...)". */
    public String identity() {
        return user().map(
                        u -> "the user-assigned managed identity with " + (u.resourceId() ? "resource id" : "client id")
                                + " '" + u.id() + "' (from " + u.origin() + ")")
                .orElse("the system-assigned managed identity");
    }

    @Override
    public String toString() {
        return "ManagedIdentity[" + source + ", " + endpoint.host() + "]";
    }
}
