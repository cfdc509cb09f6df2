import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra
import dev.fleetdeploy.testing.TestCertificates

// A certificate made now, exported as a user would: a password-protected PKCS#12 file, and a PEM file.
def certificates = TestCertificates.create('it-pipeline')
def pfx = certificates.pkcs12(new File(basedir, 'client.pfx').toPath(), 'it-pfx-password-61b2c9e0d4')
certificates.pem(new File(basedir, 'client.pem').toPath())
def entra = FakeEntra.start().certificateClient('it-tenant-cert', 'it-client-cert', certificates.certificate())
def adu = FakeAdu.start().trust(entra)
adu.deployment('TestGroup', 'rollout-c1', ['dc-toaster'])
adu.deployment('TestGroup', 'rollout-c2', ['dc-toaster'])
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.authorityHost', entra.authorityHost())
context.get('userProperties').put('fleet.clientCertificatePath', pfx.toString())
return true
