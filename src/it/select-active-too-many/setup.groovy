import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeDeploymentInfo

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
['prod-a', 'prod-b', 'prod-c'].each { id ->
    server.addDeployment(FakeDeployment.withHosts(id, 'running', 1).withInfo(FakeDeploymentInfo.DEFAULT.withQuery('env:prod')))
}
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
