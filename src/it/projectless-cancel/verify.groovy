import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert !new File(basedir, 'pom.xml').exists()
    assert log.contains('Building Maven Stub Project (No POM)')
    assert log.contains("[INFO] Datadog deployment 'nopom-1': cancel requested (HTTP 200, state stopping")
    assert log.contains('BUILD SUCCESS')
    // Without a project there is no target folder to put a default report in, and none is made.
    assert !log.contains('[INFO] Report:')
    assert !new File(basedir, 'target').exists()

    server.onlyRequest('POST', '/api/v2/fleet/deployments/nopom-1/cancel')
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
