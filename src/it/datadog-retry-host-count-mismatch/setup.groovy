import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

def server = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
// The answer lists one failed host but counts three: a host list cut short.
server.answerAlways('partial', CannedAnswer.of(200, 'application/json',
        '{"data":{"id":"partial","type":"deployment","attributes":{"failed_hosts":3,"high_level_status":"failed",' +
        '"hosts":[{"hostname":"web-01","status":"failed","versions":[{"package_name":"datadog-agent","target_version":"7.52.0"}]}],' +
        '"succeeded_hosts":0,"target_versions":["7.52.0"],"total_hosts":3,"update_type":"update_package"}}}'))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
