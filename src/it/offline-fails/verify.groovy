import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project offline-fails: " +
            "Maven is offline (-o), and cancel-deployment must reach the provider's API: run it without -o (nothing was sent).")
    assert log.contains('BUILD FAILURE')

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
