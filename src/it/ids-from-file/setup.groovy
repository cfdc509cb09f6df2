import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
['dep-eu-1', 'dep-us-2', 'dep-ap-3'].each { server.deployment(it, 'running', 2) }
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
