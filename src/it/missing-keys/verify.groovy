import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal ') }
    assert error != null
    assert error.contains('No Datadog API key found: set apiKey')
    assert error.contains('the DD_API_KEY environment variable')
    assert error.contains('No Datadog application key found: set applicationKey')
    assert error.contains('the DD_APP_KEY environment variable')
    assert log.contains('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
