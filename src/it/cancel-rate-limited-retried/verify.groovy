import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] POST ${server.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel answered 429 Too Many Requests; retrying in 1 s (retry 1 of 3).")
    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    log.shows('BUILD SUCCESS')

    def cancels = server.requests('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancels.size() == 2
    assert cancels.every { it.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4' }
    assert server.requests().size() == 2
} finally {
    server?.close()
}
return true
