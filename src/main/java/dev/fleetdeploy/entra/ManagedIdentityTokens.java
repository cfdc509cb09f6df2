package dev.fleetdeploy.entra;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import dev.fleetdeploy.core.ApiException;
import dev.fleetdeploy.core.OperationFailure;
import dev.fleetdeploy.core.PlannedRequest;
import dev.fleetdeploy.core.SecretMasker;
import dev.fleetdeploy.core.UnreachableException;
import dev.fleetdeploy.http.ApiResponse;
import dev.fleetdeploy.http.ErrorText;
import dev.fleetdeploy.http.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * A managed identity's token through MSAL for Java, which knows every source's request (IMDS, App Service, Azure
 * Arc, Cloud Shell, Service Fabric). Its requests go through the plugin's transport ({@link MsalTransport}) to the
 * chosen source's endpoint only, and MSAL reads the plugin's view of the environment ({@link MsalEnvironment}). Asked
 * once per execution and renewed before it expires, like {@link EntraTokenClient}.
 */
public final class ManagedIdentityTokens implements TokenSource {
    private final ManagedIdentity identity;
    private final String resource;
    private final MsalTransport msal;

    private ManagedIdentityApplication application;
    private final TokenCache cache;

    /** @param resource what the token is for ("https://api.adu.microsoft.com/") */
    public ManagedIdentityTokens(
            ManagedIdentity identity, String resource, HttpTransport transport, SecretMasker masker, Clock clock) {
        this.identity = identity;
        this.resource = resource;
        this.msal = new MsalTransport(transport, masker, MsalRoute.to(identity.endpoint()));
        this.cache = new TokenCache(masker, clock, "the managed identity endpoint");
    }

    @Override
    public Issued issue() throws OperationFailure {
        return cache.issue(this::fetch);
    }

    private TokenCache.Fresh fetch() throws OperationFailure, InterruptedException {
        msal.begin();
        IAuthenticationResult result;
        try {
            result = MsalEnvironment.with(
                    identity.environment(),
                    () -> application()
                            .acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(resource)
                                    // The token is kept here; MSAL's JVM-wide cache is not read.
                                    .forceRefresh(true)
                                    .build())
                            .get());
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw failure(MsalEnvironment.unwrap(e));
        }
        Duration lifetime =
                Duration.ofMillis(Math.max(0, result.expiresOnDate().getTime() - System.currentTimeMillis()));
        return new TokenCache.Fresh(result.accessToken(), lifetime, msal.attempts());
    }

    private ManagedIdentityApplication application() {
        if (application == null) {
            ManagedIdentityId id = identity.user()
                    .map(user -> user.resourceId()
                            ? ManagedIdentityId.userAssignedResourceId(user.id())
                            : ManagedIdentityId.userAssignedClientId(user.id()))
                    .orElseGet(ManagedIdentityId::systemAssigned);
            application = ManagedIdentityApplication.builder(id)
                    .httpClient(msal)
                    .disableInternalRetries()
                    .logPii(false)
                    .build();
        }
        return application;
    }

    private OperationFailure failure(Throwable msalError) {
        if (msal.lastFailure() != null) {
            return msal.lastFailure();
        }
        ApiResponse response = msal.lastResponse();
        if (response == null) {
            String text = msalError == null ? "no detail" : msal.mask(String.valueOf(msalError.getMessage()));
            return new UnreachableException(context() + " was not sent: MSAL refused it (" + text + ")", hint(), null);
        }
        return new ApiException(
                        context() + (response.successful() ? " got an answer MSAL could not use: " : " was refused: "),
                        response.code(),
                        response.statusText(),
                        response.successful() ? "no access_token or expiry in the answer" : ErrorText.of(response),
                        hint() + response.hintAddition())
                .withAttempts(msal.attempts());
    }

    private String context() {
        return "the managed identity token request to " + identity.endpoint().host() + " ("
                + identity.source().display() + ")";
    }

    private String hint() {
        return "Check that " + identity.identity() + " exists and is assigned to this "
                + (identity.source() == ManagedIdentitySource.IMDS ? "VM, scale set or node pool" : "resource")
                + ", and that it has a role on the Device Update account.";
    }

    @Override
    public String describe() {
        return identity.identity() + ", through " + identity.source().display() + " at "
                + identity.endpoint().host() + (identity.why().isEmpty() ? "" : " (" + identity.why() + ")");
    }

    @Override
    public Optional<PlannedRequest> plan() {
        return Optional.of(new PlannedRequest(
                "GET",
                identity.endpoint().toString(),
                java.util.List.of("(the request of " + identity.source().display() + ", written by MSAL)"),
                "once per execution, for the token"));
    }

    @Override
    public String toString() {
        return "ManagedIdentityTokens[" + identity.source() + "]";
    }
}
