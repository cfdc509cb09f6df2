import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// The deployment is already stopping: the first cancel did it, but its answer takes 3 s, past readTimeout (1 s).
// After that one late answer the fake answers from its state: a repeated cancel of a stopping deployment earns
// its 400, and a read says stopping.
def server = FakeDatadog.start('it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58')
server.deployment('trr-1', 'stopping', 3)
server.answerOnce('trr-1', CannedAnswer.of(200, 'application/json',
        '{"data":{"id":"trr-1","type":"deployment","attributes":{"status":"stopping"}}}').afterSeconds(3))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
