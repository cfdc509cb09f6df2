import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
FakeDatadog elsewhere = context.get('elsewhere')
try {
    def log = BuildLog.of(basedir)

    log.shows("[ERROR] Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: HTTP 302 Found with no error text. " +
            "Datadog answered with a redirect to ${elsewhere.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel, " +
            'which the plugin does not follow so that the keys reach no other host: check the baseUrl')
    log.shows('BUILD FAILURE')

    server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert server.requests().size() == 1
    assert elsewhere.requests().isEmpty()
} finally {
    server?.close()
    elsewhere?.close()
}
return true
