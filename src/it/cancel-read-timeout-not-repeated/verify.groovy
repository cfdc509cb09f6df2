import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def hostPort = server.url() - 'http://'

    log.shows("[ERROR] Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: no answer from ${hostPort} within 1 s (readTimeout). " +
            'The request may still have been applied: check the deployment with the deployment-status goal before trying again, ' +
            'and raise readTimeout if the API is slow.')
    log.lacks('retrying')
    log.shows('BUILD FAILURE')

    server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
