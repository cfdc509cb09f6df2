import dev.fleetdeploy.testing.FakeAdu

// An active deployment for the plugin to cancel through the seed's v2 API; the build gets the fake's URL as -Dfleet.baseUrl.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'deploymentId', ['dc1', 'dc2'])
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
