import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// Two server errors in a row, the second with a hint; then the fake's own state machine accepts the cancel.
def server = FakeDatadog.start('it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58')
server.deployment('rts-1', 'running', 3)
server.answerOnce('rts-1', CannedAnswer.errors(503, 'Service temporarily down'))
server.answerOnce('rts-1', CannedAnswer.errors(503, 'Still down').withHeader('Retry-After', '1'))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
