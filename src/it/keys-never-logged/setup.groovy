import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-env-api-key-2b7e19c4d8', 'it-env-app-key-61f0ad3e95c2')
server.alsoAccept('it-prop-api-key-c3d98e0a17', 'it-prop-app-key-47ab5f2c60e8')
server.deployment('dbg-1', 'running', 2)
// An API that quotes the keys it was sent: the plugin must mask them in every line it writes.
server.answerAlways('dbg-echo', CannedAnswer.errors(400,
        'Invalid application key it-prop-app-key-47ab5f2c60e8 for API key it-prop-api-key-c3d98e0a17'))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
