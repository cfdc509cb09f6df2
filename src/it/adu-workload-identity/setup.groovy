import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

// What a workload identity platform does: writes a federated token to a file and names it.
def assertion = 'eyJhbGciOiJSUzI1NiJ9.it-federated-assertion-4c7d.sig'
def tokenFile = new File(basedir, 'federated-token')
tokenFile.text = assertion + '\n'
def entra = FakeEntra.start().federatedClient('it-tenant-wi', 'it-client-wi', assertion)
def adu = FakeAdu.start().trust(entra)
adu.deployment('TestGroup', 'rollout-w', ['dc-toaster'])
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.authorityHost', entra.authorityHost())
context.get('userProperties').put('fleet.federatedTokenFile', tokenFile.absolutePath)
return true
