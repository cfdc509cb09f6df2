import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Authenticating with a federated token (workload identity) of client 'it-client-wi' in tenant 'it-tenant-wi' (from federatedTokenFile (-Dfleet.federatedTokenFile)), through 127.0.0.1.")
    log.shows("[INFO] Azure Device Update deployment 'rollout-w', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows('BUILD SUCCESS')

    assert entra.tokenRequests().size() == 1
    def form = entra.tokenRequests()[0].body().split('&').collectEntries { def (k, v) = it.split('=', 2); [k, URLDecoder.decode(v, 'UTF-8')] }
    // MSAL writes the form: these fields, the ADU scope among OpenID Connect's, and no client secret.
    assert form.subMap(['grant_type', 'client_id', 'client_assertion_type', 'client_assertion']) == [
                    grant_type: 'client_credentials', client_id: 'it-client-wi',
                    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                    client_assertion: 'eyJhbGciOiJSUzI1NiJ9.it-federated-assertion-4c7d.sig']
    assert form.scope.split(' ').contains('https://api.adu.microsoft.com/.default')
    assert !form.containsKey('client_secret')
    assert adu.onlyRequest('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/rollout-w:cancel')
            .header('Authorization') == "Bearer ${entra.issuedTokens()[0]}"
    log.lacks('it-federated-assertion-4c7d')
    log.lacks(entra.issuedTokens()[0])
} finally {
    adu?.close()
    entra?.close()
}
return true
