import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeDeploymentInfo
import dev.fleetdeploy.testing.FakeHost

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.addDeployment(FakeDeployment.of('agent-upgrade', 'failed', [
        FakeHost.failed('db-01', 'package download failed'), FakeHost.of('db-02', 'succeeded'),
        FakeHost.failed('db-03', 'package download failed')])
        .withInfo(FakeDeploymentInfo.DEFAULT.upgrading(['7.52.0'])))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
