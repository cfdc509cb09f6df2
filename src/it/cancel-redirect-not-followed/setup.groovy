import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// The API answers 302 towards another server (another port: another origin), which records whatever reaches it.
def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
def elsewhere = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.deployment('k7Q-3mX-p9Z', 'running', 3)
server.answerAlways('k7Q-3mX-p9Z', CannedAnswer.empty(302)
        .withHeader('Location', "${elsewhere.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel".toString()))
context.put('fakeDatadog', server)
context.put('elsewhere', elsewhere)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
