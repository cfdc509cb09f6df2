import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

// A fake Entra ID that knows the client, and an ADU that accepts only the tokens it issues.
def entra = FakeEntra.start().client('it-tenant-5d1c', 'it-client-8e2f', 'it-client-secret-3f9a0c6b71d2')
def adu = FakeAdu.start().trust(entra)
adu.deployment('TestGroup', 'rollout-a', ['dc-1', 'dc-2'])
adu.deployment('TestGroup', 'rollout-b', ['dc-1'])
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.authorityHost', entra.authorityHost())
return true
