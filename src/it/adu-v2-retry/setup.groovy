import dev.fleetdeploy.testing.FakeAdu

// A deployment with failed devices, for the plugin to retry through the seed's v2 API.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'deploymentId', ['dc1'])
adu.subgroup('deploymentId', 'dc1', 'Failed', 5, 0, 2, 3, 0)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
