import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeDeployment

// k7Q: the first cancel answers 503 (retried after Retry-After: 1), then it stops over two reads.
// gone-1: unknown to Datadog, 404.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.addDeployment(FakeDeployment.withHosts('k7Q-3mX-p9Z', 'running', 3).withFinalStatus('canceled', 1))
server.answerOnce('k7Q-3mX-p9Z', CannedAnswer.errors(503, 'Service temporarily unavailable').withHeader('Retry-After', '1'))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
