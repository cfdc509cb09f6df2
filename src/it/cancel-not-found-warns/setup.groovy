import dev.fleetdeploy.testing.FakeDatadog

// The fake knows no deployment 'gone-404-id': it answers 404 {"errors":["Deployment not found"]}.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
