import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows('[INFO] Skipping cancel-deployment: skip is set (fleet.skip).')
    log.lacks('Canceling')
    log.shows('BUILD SUCCESS')
    assert !new File(basedir, 'target/fleet').exists()

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
