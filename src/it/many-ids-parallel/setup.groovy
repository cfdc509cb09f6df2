import dev.fleetdeploy.testing.FakeDatadog

// 20 running deployments, and the file of their ids that the release wrote; the API takes 0.3 s per answer.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31').thinkTime(0.3)
def ids = (1..20).collect { String.format('rollout-%02d', it) }
ids.each { server.deployment(it, 'running', 2) }
new File(basedir, 'deployment-ids.txt').text = "# written by the release step\n" + ids.join('\n') + '\n'
context.put('fakeDatadog', server)
context.put('ids', ids)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
