package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Secret;
import java.util.Optional;

/**
 * A token the pipeline obtained itself ({@code az account get-access-token}).
 *
 * @param origin where it came from ("the AZURE_ACCESS_TOKEN environment variable")
 */
public record ReadyToken(Secret token, String origin) implements TokenSource, AzureCredential {

    @Override
    public Issued issue() {
        return new Issued(token, 0);
    }

    @Override
    public String describe() {
        return "a ready access token (from " + origin + ")";
    }

    @Override
    public Optional<PlannedRequest> plan() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ReadyToken[from " + origin + "]";
    }
}
