import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    def failure = "Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: HTTP 403 Forbidden: Forbidden. " +
            'Check that the application key has the agent_upgrade_write and fleet_policies_write permissions ' +
            'and that both keys belong to the organization on datadoghq.com.'
    log.shows("[ERROR] ${failure}")
    // Maven's own summary of the failure carries the same sentence.
    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project cancel-forbidden: ${failure}")
    log.shows('BUILD FAILURE')

    // One attempt: a 403 is not retried.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
