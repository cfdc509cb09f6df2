import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains('[INFO] Skipping cancel-deployment: skip is set (fleet.skip).')
    assert !log.contains('Canceling')
    assert log.contains('BUILD SUCCESS')
    assert !new File(basedir, 'target/fleet').exists()

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
