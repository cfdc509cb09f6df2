import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    assert !new File(basedir, 'pom.xml').exists()
    log.shows('Building Maven Stub Project (No POM)')
    log.shows("[INFO] Datadog deployment 'nopom-1': cancel requested (HTTP 200, state stopping")
    log.shows('BUILD SUCCESS')
    // Without a project there is no target folder to put a default report in, and none is made.
    log.lacks('[INFO] Report:')
    assert !new File(basedir, 'target').exists()

    server.onlyRequest('POST', '/api/v2/fleet/deployments/nopom-1/cancel')
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
