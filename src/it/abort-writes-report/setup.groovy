import dev.fleetdeploy.testing.BuildStopper
import dev.fleetdeploy.testing.FakeDatadog

// 50 running deployments; the API takes 1 s per answer, so 4 at a time the run would take 13 s.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31').thinkTime(1.0)
def ids = (1..50).collect { String.format('rollout-%02d', it) }
ids.each { server.deployment(it, 'running', 2) }
new File(basedir, 'deployment-ids.txt').text = ids.join('\n') + '\n'
new File(basedir, 'step-summary.md').text = '# Roll out\n\nThe rollout step ran.\n\n'

// Once 10 cancels were answered (and 4 more are on their way), CI stops the step: SIGTERM to this build's Maven.
def marker = UUID.randomUUID().toString()
context.get('userProperties').put('fleet.it.stopMarker', marker)
context.get('userProperties').put('fleet.baseUrl', server.url())
context.put('stopper', BuildStopper.whenRequests({ server.requests().size() }, 10, marker))
context.put('fakeDatadog', server)
context.put('ids', ids)
return true
