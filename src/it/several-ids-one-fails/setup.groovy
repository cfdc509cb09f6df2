import dev.fleetdeploy.testing.FakeDatadog

// done-2 has finished: Datadog refuses to cancel it with a 400.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('run-1', 'running', 2)
server.deployment('done-2', 'completed', 2)
server.deployment('run-3', 'pending', 2)
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
