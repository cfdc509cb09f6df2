package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.http.HttpTransport;
import java.time.Clock;

/**
 * The token source for a credential. Only the chosen credential's classes are loaded: a ready token needs no MSAL,
 * and a Datadog run never comes here.
 */
public final class TokenSources {
    private TokenSources() {}

    /**
     * @param scope what the token is for, as Entra ID's v2 endpoint names it ("https://api.adu.microsoft.com/.default")
     */
    public static TokenSource create(
            AzureCredential credential, String scope, HttpTransport transport, SecretMasker masker, Clock clock) {
        // Java 17: no pattern switch yet; AzureCredential is sealed to these four.
        if (credential instanceof ReadyToken ready) {
            return ready;
        }
        if (credential instanceof ClientCredential client) {
            MsalLogging.quiet();
            return new EntraTokenClient(client, scope, transport, masker, clock);
        }
        if (credential instanceof ManagedIdentity identity) {
            MsalLogging.quiet();
            return new ManagedIdentityTokens(identity, resource(scope), transport, masker, clock);
        }
        return new AzureCliTokens((AzureCli) credential, resource(scope), masker, clock);
    }

    /** The v1 resource a scope stands for: "https://api.adu.microsoft.com/.default" gives "https://api.adu.microsoft.com/". */
    static String resource(String scope) {
        return scope.endsWith("/.default") ? scope.substring(0, scope.length() - ".default".length()) : scope;
    }
}
