import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Authenticating with a client secret of client 'it-client-s' in tenant 'it-tenant-auto' (from the AZURE_CLIENT_SECRET environment variable), through 127.0.0.1.")
    log.shows("[INFO] Authenticating with a client certificate (subject CN=it-auto, thumbprint ")
    log.shows("of client 'it-client-c' in tenant 'it-tenant-auto' (from the AZURE_CLIENT_CERTIFICATE_PATH environment variable), through 127.0.0.1.")
    log.shows("[INFO] Authenticating with a federated token (workload identity) of client 'it-client-w' in tenant 'it-tenant-auto' (from the AZURE_FEDERATED_TOKEN_FILE environment variable), through 127.0.0.1.")
    log.shows("[INFO] Authenticating with the system-assigned managed identity, through the instance metadata service (VM, scale set, AKS) at 127.0.0.1 (credential=auto: the instance metadata endpoint ${entra.imdsEndpoint()} answered).")
    log.shows("[INFO] Authenticating with the Azure CLI's signed-in account (${basedir}/az-bin/az account get-access-token; credential=auto: az is on the PATH).")
    (1..5).each { log.shows("[INFO] Azure Device Update deployment 'rollout-${it}', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)") }
    assert log.count('BUILD SUCCESS') == 5

    // Entra ID was asked three times (secret, certificate, federated token); IMDS only in build 4: the probe
    // (no Metadata header, no token), then the token request.
    assert entra.tokenRequests().size() == 3
    def identity = entra.identityRequests()
    assert identity.size() == 2
    assert identity[0].header('Metadata') == null
    assert identity[1].header('Metadata') == 'true'
    assert entra.issuedTokens().size() == 4

    def secrets = ['it-auto-secret-4f1e8a2c', 'it-auto-federated-5b3c', 'it-auto-cli-token-9e7d6c5b'] + entra.issuedTokens()
    def report = new File(basedir, 'target/fleet/cancel-deployment.json').text
    secrets.each { secret ->
        log.lacks(secret)
        assert !report.contains(secret)
    }
} finally {
    adu?.close()
    entra?.close()
}
return true
