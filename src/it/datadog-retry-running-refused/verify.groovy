import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[ERROR] Datadog retry of deployment 'still-going' failed: it is still 'running': only a finished deployment" +
            " is retried, so nothing was created. Wait for it to finish (deployment-status with wait), or cancel it first" +
            " (cancel-deployment), then retry.")
    log.shows('BUILD FAILURE')
    assert server.requests()*.method() == ['GET']
    assert server.created().isEmpty()
} finally {
    server?.close()
}
return true
