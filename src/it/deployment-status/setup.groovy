import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeHost

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('st-v2', 'running', [
        FakeHost.of('web-01', 'succeeded'), FakeHost.of('web-02', 'succeeded'), FakeHost.failed('web-03', 'disk full'),
        FakeHost.of('web-04', 'running'), FakeHost.of('web-05', 'pending')])
// 150 hosts: 120 succeeded, 25 running, 5 failed (the last five, on the second page).
server.deployment('st-big', 'running', (1..150).collect { i ->
    def name = String.format('node-%03d', i)
    i <= 120 ? FakeHost.of(name, 'succeeded') : i <= 145 ? FakeHost.of(name, 'running') : FakeHost.failed(name, 'agent did not restart')
})
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
