import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    // One sentence that says why and what to do: "The build is offline, and cancel-deployment must reach the
    // provider's API: run it online (in Maven, without -o); nothing was sent."
    def error = log.line("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment")
    assert error.contains('offline')
    assert error.contains('without -o')
    assert error.contains('nothing was sent')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
