import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeDeploymentInfo
import dev.fleetdeploy.testing.FakeHost
import dev.fleetdeploy.testing.FakeHostPackage

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.addDeployment(FakeDeployment.of('mixed-upgrade', 'failed', [
        FakeHost.failed('db-01', 'timeout'),
        FakeHost.failed('db-02', 'timeout').withPackages(FakeHostPackage.of('datadog-agent', '7.49.0', '7.51.0'))])
        .withInfo(FakeDeploymentInfo.DEFAULT.upgrading(['7.52.0', '7.51.0'])))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
