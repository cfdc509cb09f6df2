import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// rollout-a cancels; rollout-b does not exist (404); rollout-c answers with a state that tries to break the table.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('rollout-a', 'running', 2)
server.deployment('rollout-c', 'running', 2)
def hostile = groovy.json.JsonOutput.toJson([data: [id: 'rollout-c', attributes: [
        status: 'stopping | `rm -rf` <img src=x>\r\n| forged | row |', message: 'ok']]])
server.answerOnce('rollout-c', CannedAnswer.of(200, 'application/json', hostile))
new File(basedir, 'step-summary.md').text = '# Roll out\n\nThe rollout step ran.\n\n'
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
