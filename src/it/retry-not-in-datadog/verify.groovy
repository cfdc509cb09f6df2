import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:retry-deployment (default-cli) on project retry-not-in-datadog: " +
            'Datadog Fleet Automation has no retry operation (neither its v2 nor its unstable API offers one), so nothing was sent: ' +
            'to roll out again, start a new deployment in Datadog.')
    log.lacks('Retrying')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
