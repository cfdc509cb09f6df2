import dev.fleetdeploy.testing.FakeAdu

// Two subgroups: one still rolling out, one that failed to be created.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'rollout-s', ['dc-toaster', 'dc-kettle'])
adu.subgroup('rollout-s', 'dc-toaster', 'Active', 10, 4, 5, 1, 0)
adu.subgroup('rollout-s', 'dc-kettle', 'Failed', 2, 0, 1, 1, 0)
adu.subgroupError('rollout-s', 'dc-kettle', 'ADMConfigurationLimitExceeded',
        'The subgroup deployment failed to be created due to hitting the ADM configuration limit')
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
