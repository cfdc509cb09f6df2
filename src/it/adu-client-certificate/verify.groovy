import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows('(f) clientCertificatePassword = ****')
    log.shows("[INFO] Authenticating with a client certificate (subject CN=it-pipeline, thumbprint ")
    log.shows("of client 'it-client-cert' in tenant 'it-tenant-cert' (from clientCertificatePath (-Dfleet.clientCertificatePath)), through 127.0.0.1.")
    log.shows("of client 'it-client-cert' in tenant 'it-tenant-cert' (from the AZURE_CLIENT_CERTIFICATE_PATH environment variable), through 127.0.0.1.")
    log.shows("[INFO] Azure Device Update deployment 'rollout-c1', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[INFO] Azure Device Update deployment 'rollout-c2', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    assert log.count('BUILD SUCCESS') == 2

    // Entra ID checked each assertion's signature and thumbprint with the certificate; the second carried the chain.
    assert entra.tokenRequests().size() == 2
    assert entra.issuedTokens().size() == 2
    assert entra.assertions()*.hasX5tS256() == [true, true]
    assert entra.assertions()*.chainLength() == [0, 2]
    def assertions = entra.tokenRequests().collect { r ->
        URLDecoder.decode(r.body().split('&').find { it.startsWith('client_assertion=') }.substring(17), 'UTF-8')
    }
    entra.tokenRequests().each { assert !it.body().contains('client_secret') }

    // MSAL's own lines stay out of the build's log.
    log.lacks('Correlation Id is not same as received')

    // The password, the assertions and the tokens never reach the log or the reports.
    def report = new File(basedir, 'target/fleet/cancel-deployment.json').text
    (['it-pfx-password-61b2c9e0d4'] + assertions + entra.issuedTokens()).each { secret ->
        log.lacks(secret)
        assert !report.contains(secret)
    }
    // And nothing but the token went to the ADU host.
    adu.requests().each { r ->
        assert r.header('Authorization') in entra.issuedTokens().collect { "Bearer ${it}".toString() }
        assertions.each { assert !r.body().contains(it) && !r.target().contains(it) }
    }
} finally {
    adu?.close()
    entra?.close()
}
return true
