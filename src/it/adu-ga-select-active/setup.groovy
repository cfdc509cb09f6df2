import dev.fleetdeploy.testing.FakeAdu

def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a').listPageSize(1)
// The group's earlier rollout was canceled; the current one is active in both subgroups; another group has its own.
adu.deployment('TestGroup', 'rollout-1', ['dc-toaster', 'dc-kettle'])
adu.subgroup('rollout-1', 'dc-toaster', 'Canceled', 4, 0, 1, 0, 3)
adu.subgroup('rollout-1', 'dc-kettle', 'Canceled', 4, 0, 1, 0, 3)
adu.deployment('TestGroup', 'rollout-2', ['dc-toaster', 'dc-kettle'])
adu.deployment('OtherGroup', 'not-ours', ['dc-toaster'])
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
