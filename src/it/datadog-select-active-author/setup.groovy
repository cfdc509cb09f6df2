import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment
import dev.fleetdeploy.testing.FakeDeploymentInfo

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
def add = { id, status, author ->
    server.addDeployment(FakeDeployment.withHosts(id, status, 2)
            .withInfo(FakeDeploymentInfo.DEFAULT.withAuthor(author).withQuery('env:prod')))
}
add('bot-earlier', 'completed', 'ci-bot@example.com')
add('alice-rollout', 'running', 'alice@example.com')
add('bot-rollout', 'running', 'ci-bot@example.com')
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
