import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeEntra

def entra = FakeEntra.start().client('it-tenant-x', 'it-client-x', 'it-prop-client-secret-9b3e57a1c0d4')
def adu = FakeAdu.start().trust(entra).acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'rollout-x', ['dc-toaster'])
// An API that quotes the token it was sent: the plugin must mask it in every line it writes.
adu.answerAlways('echo-rollout', CannedAnswer.of(401, 'application/json',
        '{"error":{"code":"InvalidToken","message":"Token it-adu-token-7c41e9b2d05a is not valid for this account"}}'))
context.put('fakeEntra', entra)
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
context.get('userProperties').put('fleet.authorityHost', entra.authorityHost())
return true
