import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    // One sentence naming both keys and every place each can come from.
    def error = log.line('[ERROR] Failed to execute goal ')
    assert error.contains('No Datadog API key found (set apiKey (-Dfleet.apiKey)')
    assert error.contains('or the DD_API_KEY environment variable)')
    assert error.contains('and no application key (set applicationKey (-Dfleet.applicationKey)')
    assert error.contains('or the DD_APP_KEY environment variable).')
    assert error.contains('a settings.xml server named by serverId (-Dfleet.serverId)')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
