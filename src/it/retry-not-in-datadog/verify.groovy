import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains("[ERROR] Failed to execute goal ${pluginCoordinates}:retry-deployment (default-cli) on project retry-not-in-datadog: " +
            'Datadog Fleet Automation has no retry operation (neither its v2 nor its unstable API offers one), so nothing was sent: ' +
            'to roll out again, start a new deployment in Datadog.')
    assert !log.contains('Retrying')
    assert log.contains('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
