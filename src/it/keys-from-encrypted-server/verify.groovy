import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    assert log.contains('BUILD SUCCESS')
    assert !log.contains('it-srv-app-key-93ab16f2e8c7')
    assert !log.contains('it-srv-api-key-7d41c0e9b2')

    // The server's keys, decrypted, and not the environment's.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-srv-api-key-7d41c0e9b2'
    assert cancel.header('DD-APPLICATION-KEY') == 'it-srv-app-key-93ab16f2e8c7'
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
