import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def hostPort = server.url() - 'http://'

    log.shows("[INFO] POST ${server.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel: no answer from ${hostPort} within 1 s (readTimeout); retrying in ")
    log.shows("[ERROR] Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: no answer from ${hostPort} within 1 s (readTimeout) (2 attempts). " +
            'The request may still have been applied: check the deployment with the deployment-status goal before trying again, ' +
            'and raise readTimeout if the API is slow.')
    log.shows('BUILD FAILURE')

    assert server.requests('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel').size() == 2
    assert server.requests().size() == 2
} finally {
    server?.close()
}
return true
