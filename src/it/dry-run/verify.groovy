import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains("[INFO] [dry run] Datadog deployment 'k7Q-3mX-p9Z': would send")
    assert log.contains("[INFO] [dry run]   POST ${server.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel")
    assert log.contains('[INFO] [dry run]     DD-API-KEY: ****')
    assert log.contains('[INFO] [dry run]     DD-APPLICATION-KEY: ****')
    assert log.contains('[INFO] [dry run]     Accept: application/json')
    assert log.contains('[INFO] Dry run: cancel of 1 deployment planned; nothing was sent.')
    assert !log.contains('it-api-key-0f3c9a71d2e4')
    assert !log.contains('it-app-key-5be8e04c19aa7d31')
    assert log.contains('BUILD SUCCESS')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.dryRun == true
    assert report.deployments*.result == ['planned']

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
