package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.Secret;
import java.util.Optional;

/** Where a provider's bearer token comes from. Implementations are thread-safe and fetch at most once per execution. */
public interface TokenSource {

    /**
     * The token to send; the first call may ask Microsoft Entra ID for it.
     *
     * @throws OperationFailure when Entra ID refused or could not be reached (every later call throws the same)
     */
    default Secret token() throws OperationFailure {
        return issue().token();
    }

    /**
     * As {@link #token()}, with the requests this call sent for it: 0 when it was at hand. A refusal is the same
     * failure for every caller, with the attempts it took when it was first asked.
     */
    Issued issue() throws OperationFailure;

    /** A token, and how many requests this call sent for it. */
    record Issued(Secret token, int attempts) {}

    /** How the token is obtained, for the log: "a client secret (client 'abc', tenant 'xyz', from AZURE_CLIENT_SECRET)". */
    String describe();

    /** The token request a dry run would show, when there is one. */
    Optional<PlannedRequest> plan();
}
