import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeAdu

// Three subgroups; the second one's cancel answers 404, as the live service does (problem+json).
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
adu.deployment('TestGroup', 'rollout-3', ['dc-a', 'dc-b', 'dc-c'])
adu.answerAlways('rollout-3/dc-b', CannedAnswer.of(404, 'application/problem+json; charset=utf-8',
        '{"type":"https://tools.ietf.org/html/rfc7231#section-6.5.4","title":"Not Found","status":404,"traceId":"00-6f1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c-2a2b3c4d5e6f7a8b-00"}'))
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
