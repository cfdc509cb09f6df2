import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[ERROR] Datadog retry of deployment 'partial' failed: its host list shows 1 failed host but failed_hosts" +
            " says 3, so nothing was created. A partial host list must not become a partial retry: check the deployment" +
            " in Datadog, and retry when the two agree.")
    log.shows('BUILD FAILURE')
    assert server.requests()*.method() == ['GET']
    assert server.created().isEmpty()
} finally {
    server?.close()
}
return true
