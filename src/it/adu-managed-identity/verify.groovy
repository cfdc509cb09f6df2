import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Authenticating with the system-assigned managed identity, through the instance metadata service (VM, scale set, AKS) at 127.0.0.1 (credential=managed-identity).")
    log.shows("[INFO] Authenticating with the user-assigned managed identity with resource id '/subscriptions/it-sub/resourceGroups/it-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/it-deployer' (from clientId (-Dfleet.clientId)), through the instance metadata service")
    log.shows("[INFO] Azure Device Update deployment 'rollout-m1', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[INFO] Azure Device Update deployment 'rollout-m2', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    assert log.count('BUILD SUCCESS') == 2

    // One IMDS request per build, with the Metadata header; no probe (the credential was named), no Entra ID call.
    def requests = entra.identityRequests()
    assert requests.size() == 2
    requests.each { assert it.method() == 'GET' && it.header('Metadata') == 'true' && it.path() == '/metadata/identity/oauth2/token' }
    assert !requests[0].query().contains('res_id') && !requests[0].query().contains('client_id')
    assert requests[1].query().contains('_res_id=%2Fsubscriptions%2Fit-sub')
    assert entra.tokenRequests().isEmpty()

    entra.issuedTokens().each { log.lacks(it) }
    // MSAL's own INFO and DEBUG lines stay out of the build's log, -X included (entra.MsalLogging).
    log.lacks('[Managed Identity]')
    assert adu.requests().size() == 2
} finally {
    adu?.close()
    entra?.close()
}
return true
