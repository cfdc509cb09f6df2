import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    def error = log.line('[ERROR] Failed to execute goal ')
    assert error.contains('No Datadog API key found: set apiKey')
    assert error.contains('the DD_API_KEY environment variable')
    assert error.contains('No Datadog application key found: set applicationKey')
    assert error.contains('the DD_APP_KEY environment variable')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
