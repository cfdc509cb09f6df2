import dev.fleetdeploy.testing.FakeAdu

// Two subgroups; the POM names one of them with deviceClassId, and only that one may be canceled.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a').omitFalseFlags()
adu.deployment('TestGroup', 'rollout-1', ['dc-toaster', 'dc-kettle'])
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
