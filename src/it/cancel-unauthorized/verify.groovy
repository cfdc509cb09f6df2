import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[ERROR] Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: HTTP 401 Unauthorized: Unauthorized. " +
            'Check the API key and the application key: both must be valid keys of the Datadog organization on datadoghq.com.')
    log.shows('BUILD FAILURE')
    log.lacks('it-api-key-revoked-8e21')
    log.lacks('it-app-key-revoked-40c7')

    // Sent once (a 401 is not retried), with the keys the build was given.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-api-key-revoked-8e21'
    assert server.requests().size() == 1
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
