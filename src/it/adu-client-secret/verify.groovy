import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Authenticating with a client secret of client 'it-client-8e2f' in tenant 'it-tenant-5d1c' (from the AZURE_CLIENT_SECRET environment variable), through 127.0.0.1.")
    log.shows('[INFO] Cancel: 3 of 3 subgroup deployments done.')
    log.shows('BUILD SUCCESS')

    // One token request for the whole execution, in the client credentials form Entra ID expects...
    assert entra.tokenRequests().size() == 1
    def tokenRequest = entra.tokenRequests()[0]
    assert tokenRequest.path() == '/it-tenant-5d1c/oauth2/v2.0/token'
    assert tokenRequest.header('Authorization') == null
    def form = tokenRequest.body().split('&').collectEntries { def (k, v) = it.split('=', 2); [k, URLDecoder.decode(v, 'UTF-8')] }
    // MSAL writes the form: these fields, the ADU scope among OpenID Connect's, and no other credential.
    assert form.subMap(['grant_type', 'client_id', 'client_secret']) == [grant_type: 'client_credentials',
                    client_id: 'it-client-8e2f', client_secret: 'it-client-secret-3f9a0c6b71d2']
    assert form.scope.split(' ').contains('https://api.adu.microsoft.com/.default')
    assert (form.scope.split(' ') as Set) - ['https://api.adu.microsoft.com/.default', 'openid', 'profile', 'offline_access'] == [] as Set
    assert !form.containsKey('client_assertion')

    // ...and that one token on every ADU request (two subgroups listed and canceled, one more deployment).
    def token = entra.issuedTokens()[0]
    assert adu.requests().size() == 5
    adu.requests().each { assert it.header('Authorization') == "Bearer ${token}" }
    assert adu.subgroupState('rollout-a', 'dc-1') == 'Canceled'
    assert adu.subgroupState('rollout-a', 'dc-2') == 'Canceled'
    assert adu.subgroupState('rollout-b', 'dc-1') == 'Canceled'

    log.lacks('it-client-secret-3f9a0c6b71d2')
    log.lacks(token)
} finally {
    adu?.close()
    entra?.close()
}
return true
