import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def cancel = "${server.url()}/api/v2/fleet/deployments/rso-1/cancel"

    log.shows("[DEBUG] <- 307 Temporary Redirect for POST ${cancel}: following it to ${cancel} (same host)")
    log.shows("[INFO] Datadog deployment 'rso-1': cancel requested (HTTP 200, state stopping")
    log.shows('BUILD SUCCESS')
    log.lacks('retrying')
    log.lacks('which the plugin does not follow')

    // Two POSTs (the redirect is no retry), both with the keys, both to the API's own origin.
    def cancels = server.requests('POST', '/api/v2/fleet/deployments/rso-1/cancel')
    assert cancels.size() == 2
    assert cancels.every { it.method() == 'POST' && it.header('DD-APPLICATION-KEY') == 'it-fault-app-key-3e96f0b1c47d2a58' }
    assert server.requests().size() == 2
    assert server.deployment('rso-1').status() == 'stopping'
    ['it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58'].each { log.lacks(it) }
} finally {
    server?.close()
}
return true
