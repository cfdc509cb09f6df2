import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeHost

// The first read after the cancel already sees the final state, so the IT never sleeps through a poll interval.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.addDeployment(FakeDeployment.of('k7Q-3mX-p9Z', 'running',
        [FakeHost.of('web-01', 'succeeded'), FakeHost.of('web-02', 'running'), FakeHost.of('web-03', 'pending')])
        .withFinalStatus('canceled', 0))
// Still stopping after many reads.
server.addDeployment(FakeDeployment.withHosts('slow-stop', 'running', 2).withFinalStatus('canceled', 100))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
