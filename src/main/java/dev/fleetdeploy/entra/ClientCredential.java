package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.Secret;
import okhttp3.HttpUrl;

/**
 * An application's identity in Microsoft Entra ID, for the client credentials grant.
 *
 * @param authorityHost where tokens are issued, ending in "/" ("https://login.microsoftonline.com/")
 * @param tenantId the directory (tenant) id or domain
 * @param clientId the application (client) id
 * @param proof how the application proves it is itself
 */
public record ClientCredential(HttpUrl authorityHost, String tenantId, String clientId, Proof proof)
        implements AzureCredential {

    /** A client secret, or a federated token (workload identity) sent as a client assertion. */
    public sealed interface Proof {
        /** Where it came from, for the log. */
        String origin();
    }

    public record ClientSecret(Secret secret, String origin) implements Proof {
        @Override
        public String toString() {
            return "ClientSecret[from " + origin + "]";
        }
    }

    /** @param assertion the federated token file's content, read once per execution */
    public record FederatedToken(Secret assertion, String origin) implements Proof {
        @Override
        public String toString() {
            return "FederatedToken[from " + origin + "]";
        }
    }

    /** {@code {authorityHost}{tenantId}/oauth2/v2.0/token}. */
    public HttpUrl tokenUrl() {
        return authorityHost
                .newBuilder()
                .addPathSegment(tenantId)
                .addPathSegments("oauth2/v2.0/token")
                .build();
    }
}
