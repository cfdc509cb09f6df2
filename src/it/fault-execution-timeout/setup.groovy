import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58')
server.deployment('ext-1', 'running', 3)
server.answerAlways('ext-1', CannedAnswer.errors(503, 'Maintenance in progress').withHeader('Retry-After', '30'))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
