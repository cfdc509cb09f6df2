import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('team-a rollout#7', 'pending', 2)
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
