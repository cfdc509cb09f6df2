import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    // One sentence that says why and what to do: "The build is offline, and cancel-deployment must reach the
    // provider's API: run it online (in Maven, without -o); nothing was sent."
    def error = log.readLines().find { it.startsWith("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment") }
    assert error != null
    assert error.contains('offline')
    assert error.contains('without -o')
    assert error.contains('nothing was sent')
    assert log.contains('BUILD FAILURE')

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
