import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeDeploymentInfo
import dev.fleetdeploy.testing.FakeHost

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
def patch = new LinkedHashMap()
patch.put('log_level', 'info')
patch.put('logs_enabled', true)
server.addDeployment(FakeDeployment.of('cfg-rollout', 'done_with_errors', [
        FakeHost.of('web-01.example.com', 'succeeded'),
        FakeHost.failed('web-02.example.com', 'agent did not restart'),
        FakeHost.failed('web-03.example.com', 'disk full')])
        .withInfo(FakeDeploymentInfo.DEFAULT.configuring(FakeDeploymentInfo.mergePatch(patch), [])))
// The new deployment runs for one read, then completes.
server.createdFinishAfter(2, 'completed')
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
