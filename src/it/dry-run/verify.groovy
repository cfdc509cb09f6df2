import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] [dry run] Datadog deployment 'k7Q-3mX-p9Z': would send")
    log.shows("[INFO] [dry run]   POST ${server.url()}/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel")
    log.shows('[INFO] [dry run]     DD-API-KEY: ****')
    log.shows('[INFO] [dry run]     DD-APPLICATION-KEY: ****')
    log.shows('[INFO] [dry run]     Accept: application/json')
    log.shows('[INFO] Dry run: cancel of 1 deployment planned; nothing was sent.')
    log.lacks('it-api-key-0f3c9a71d2e4')
    log.lacks('it-app-key-5be8e04c19aa7d31')
    log.shows('BUILD SUCCESS')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.dryRun == true
    assert report.deployments*.result == ['planned']

    assert server.requests().isEmpty()
    assert server.deployment('k7Q-3mX-p9Z').status() == 'running'
} finally {
    server?.close()
}
return true
