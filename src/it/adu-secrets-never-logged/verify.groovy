import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

FakeEntra entra = context.get('fakeEntra')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    // Both builds really ran under -X and did their work...
    log.shows('with fleet-deployment configurator -->')
    log.shows('(f) clientSecret = ****')
    log.shows("[INFO] Azure Device Update deployment 'rollout-x', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[WARNING] Azure Device Update status of deployment 'echo-rollout', subgroup 'dc-toaster' failed: HTTP 401 Unauthorized: Token **** is not valid for this account (InvalidToken).")
    assert log.count('BUILD SUCCESS') == 2

    // ...the secrets reached the hosts they are for...
    assert entra.tokenRequests().size() == 1
    assert entra.tokenRequests()[0].body().contains('client_secret=it-prop-client-secret-9b3e57a1c0d4')
    def issued = entra.issuedTokens()[0]
    assert adu.requests('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/rollout-x:cancel')[0]
            .header('Authorization') == "Bearer ${issued}"
    assert adu.requests().find { it.path().contains('echo-rollout') }.header('Authorization') == 'Bearer it-adu-token-7c41e9b2d05a'

    // ...and never the log, in any line, nor the report files.
    def secrets = ['it-prop-client-secret-9b3e57a1c0d4', issued, 'it-adu-token-7c41e9b2d05a']
    def reports = ['cancel-deployment.json', 'deployment-status.json'].collect { new File(basedir, "target/fleet/${it}").text }
    assert reports[1].contains('Token **** is not valid')
    secrets.each { secret ->
        log.lacks(secret)
        reports.each { report -> assert !report.contains(secret) }
    }
} finally {
    adu?.close()
    entra?.close()
}
return true
