import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    // What the user reads: the cancel was accepted, in Datadog's words.
    log.shows("[INFO] Canceling Datadog deployment 'k7Q-3mX-p9Z' on ${server.url()} (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping: Cancellation has been requested; the deployment is stopping.)")
    log.shows('[INFO] Cancel: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')

    // What Datadog received: one authenticated POST to the v2 path, and nothing else.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert cancel.header('DD-APPLICATION-KEY') == 'it-app-key-5be8e04c19aa7d31'
    assert cancel.header('Accept') == 'application/json'
    assert cancel.header('User-Agent').startsWith("fleet-deployment-maven-plugin/${pluginCoordinates.split(":")[2]} (Java ")
    assert server.requests().size() == 1
    assert server.deployment('k7Q-3mX-p9Z').status() == 'stopping'
} finally {
    server?.close()
}
return true
