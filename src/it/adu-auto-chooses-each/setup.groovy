import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeAzureCli
import dev.fleetdeploy.testing.FakeEntra
import dev.fleetdeploy.testing.TestCertificates

def certificates = TestCertificates.create('it-auto')
certificates.pem(new File(basedir, 'client.pem').toPath())
def assertion = 'eyJhbGciOiJSUzI1NiJ9.it-auto-federated-5b3c.sig'
new File(basedir, 'federated-token').text = assertion + '\n'
def entra = FakeEntra.start()
        .client('it-tenant-auto', 'it-client-s', 'it-auto-secret-4f1e8a2c')
        .certificateClient('it-tenant-auto', 'it-client-c', certificates.certificate())
        .federatedClient('it-tenant-auto', 'it-client-w', assertion)
        .systemAssignedIdentity()
def adu = FakeAdu.start().trust(entra).acceptToken('it-auto-cli-token-9e7d6c5b')
(1..5).each { adu.deployment('TestGroup', "rollout-${it}".toString(), ['dc-toaster']) }
FakeAzureCli.loggedIn(new File(basedir, 'az-bin').toPath(), 'it-auto-cli-token-9e7d6c5b', 'it-tenant-auto')
new File(basedir, 'imds.properties').text = "fleet.imdsEndpoint=${entra.imdsEndpoint()}\n"
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.authorityHost', entra.authorityHost())
return true
