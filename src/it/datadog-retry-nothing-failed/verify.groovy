import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] Datadog deployment 'all-good': retry requested (HTTP 200, state completed: no host failed, so there" +
            " is nothing to retry and nothing was created)")
    log.shows('BUILD SUCCESS')
    assert server.requests()*.method() == ['GET']
    assert server.created().isEmpty()
} finally {
    server?.close()
}
return true
