import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// Datadog takes 2 s to answer, every time; the build waits 1 s (readTimeout) and tries once more (maxRetries=1).
// A cancel is repeated even though the first may have been applied; when every attempt times out, the user is told so.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('k7Q-3mX-p9Z', 'running', 3)
server.answerAlways('k7Q-3mX-p9Z', CannedAnswer.of(200, 'application/json',
        '{"data":{"id":"k7Q-3mX-p9Z","type":"deployment","attributes":{"status":"stopping"}}}').afterSeconds(2))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
