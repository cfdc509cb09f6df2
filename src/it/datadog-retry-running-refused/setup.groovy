import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeHost

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('still-going', 'running', [FakeHost.failed('web-01', 'timeout'), FakeHost.of('web-02', 'running')])
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
