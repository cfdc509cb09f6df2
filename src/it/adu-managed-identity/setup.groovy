import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

// The fake Entra ID is this "VM"'s instance metadata service too.
def entra = FakeEntra.start()
        .systemAssignedIdentity()
        .userAssignedIdentity('/subscriptions/it-sub/resourceGroups/it-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/it-deployer')
def adu = FakeAdu.start().trust(entra)
adu.deployment('TestGroup', 'rollout-m1', ['dc-toaster'])
adu.deployment('TestGroup', 'rollout-m2', ['dc-toaster'])
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.imdsEndpoint', entra.imdsEndpoint())
return true
