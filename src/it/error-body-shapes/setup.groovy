import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
server.answerAlways('shape-errors', CannedAnswer.errors(400, 'First problem', 'Second problem'))
server.answerAlways('shape-jsonapi', CannedAnswer.jsonApiError(400, 'Bad Request', 'deployment_id is malformed'))
server.answerAlways('shape-error-object', CannedAnswer.errorObject(409, 'Another operation holds this deployment', 'deployment_locked'))
server.answerAlways('shape-html', CannedAnswer.html(502, '502 Bad Gateway'))
server.answerAlways('shape-empty', CannedAnswer.empty(503))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
