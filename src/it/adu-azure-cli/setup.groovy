import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeAzureCli

def adu = FakeAdu.start().acceptToken('it-cli-token-0c8d2e4f6a1b')
adu.deployment('TestGroup', 'rollout-a1', ['dc-toaster'])
adu.deployment('TestGroup', 'rollout-a2', ['dc-toaster'])
FakeAzureCli.loggedIn(new File(basedir, 'az-bin').toPath(), 'it-cli-token-0c8d2e4f6a1b', 'it-tenant-cli')
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
