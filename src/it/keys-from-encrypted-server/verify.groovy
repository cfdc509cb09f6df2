import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    log.shows('BUILD SUCCESS')
    log.lacks('it-srv-app-key-93ab16f2e8c7')
    log.lacks('it-srv-api-key-7d41c0e9b2')

    // The server's keys, decrypted, and not the environment's.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-srv-api-key-7d41c0e9b2'
    assert cancel.header('DD-APPLICATION-KEY') == 'it-srv-app-key-93ab16f2e8c7'
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
