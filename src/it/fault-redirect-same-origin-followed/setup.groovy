import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// The first cancel is sent back to the same URL with a 307 (as a gateway does while it fails over); the fake's
// state machine answers the followed request.
def server = FakeDatadog.start('it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58')
server.deployment('rso-1', 'running', 3)
server.answerOnce('rso-1', CannedAnswer.empty(307)
        .withHeader('Location', "${server.url()}/api/v2/fleet/deployments/rso-1/cancel".toString()))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
