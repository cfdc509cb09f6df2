import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def cancel = "POST ${server.url()}/api/v2/fleet/deployments/rts-1/cancel"

    // The first 503 had no hint: the 2 s backoff with jitter, between 1 and 2 s.
    def first = log.line("[INFO] ${cancel} answered 503 Service Unavailable; retrying in ")
    assert first ==~ /.* retrying in (1(\.\d)?|2(\.0)?) s \(retry 1 of 3\)\./ : first
    // The second said Retry-After: 1.
    log.shows("[INFO] ${cancel} answered 503 Service Unavailable; retrying in 1 s (retry 2 of 3).")
    log.shows("[INFO] Datadog deployment 'rts-1': cancel requested (HTTP 200, state stopping")
    log.shows('[INFO] Cancel: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')
    log.lacks('[ERROR]')

    // Three attempts, all to the API, each with the keys; the deployment is stopping now.
    def cancels = server.requests('POST', '/api/v2/fleet/deployments/rts-1/cancel')
    assert cancels.size() == 3
    assert cancels.every { it.header('DD-API-KEY') == 'it-fault-api-key-8d2c51e7b0a4' }
    assert server.requests().size() == 3
    assert server.deployment('rts-1').status() == 'stopping'

    // -X printed the requests, with their credential headers masked, and never a key.
    log.shows('DD-API-KEY: ****')
    ['it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58'].each { log.lacks(it) }
} finally {
    server?.close()
}
return true
