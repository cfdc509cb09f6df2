import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeDatadog

def datadog = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
datadog.deployment('k7Q-3mX-p9Z', 'running', 4)
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'rollout-d', ['dc-1', 'dc-2'])
context.put('fakeDatadog', datadog)
context.put('fakeAdu', adu)
context.get('userProperties').put('it.datadogUrl', datadog.url())
context.get('userProperties').put('it.aduUrl', adu.url())
return true
