import dev.fleetdeploy.testing.FakeAdu

// 6 devices: 3 succeeded, 3 failed. After the retry the 3 are in progress again, and each status read sees one
// more of them succeed.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'rollout-r', ['dc-toaster'])
adu.subgroup('rollout-r', 'dc-toaster', 'Active', 6, 0, 3, 3, 0)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
