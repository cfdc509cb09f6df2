import dev.fleetdeploy.faults.MavenTotalTime
import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import java.time.Duration

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] POST ${server.url()}/api/v2/fleet/deployments/ext-1/cancel answered 503 Service Unavailable. Not" +
            ' retried: waiting 30 s would pass executionTimeout (10 s).')
    // The failure itself says why no retry came.
    log.shows("[ERROR] Datadog cancel of deployment 'ext-1' failed: HTTP 503 Service Unavailable: Maintenance in progress." +
            ' Datadog had an error on its side: try again later, and see https://status.datadoghq.com.' +
            ' Not retried: waiting 30 s would pass executionTimeout (10 s).')
    log.shows('BUILD FAILURE')
    log.lacks('retrying in')

    // It did not wait the 30 s, nor the 10 s (Maven's own count, start-up included).
    def took = MavenTotalTime.of(log)
    assert took < Duration.ofSeconds(10) : took

    server.onlyRequest('POST', '/api/v2/fleet/deployments/ext-1/cancel')
    assert server.requests().size() == 1
    ['it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58'].each { log.lacks(it) }
} finally {
    server?.close()
}
return true
