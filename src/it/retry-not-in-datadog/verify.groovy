import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:retry-deployment (default-cli) on project retry-not-in-datadog: " +
            'Datadog has no retry operation: a retry creates a new deployment aimed at the failed hosts, and datadogApi=unstable' +
            ' has no create endpoint, so nothing was sent: retry with datadogApi=v2.')
    log.lacks('Retrying')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
