import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': canceled; 3 hosts: 1 succeeded, 0 failed, 0 running, 2 canceled, 0 skipped")
    log.shows('BUILD SUCCESS')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments[0].status.state == 'canceled'
    assert report.deployments[0].status.final == true

    // The cancel, then the read that found it final.
    assert server.requests().findAll { it.path().contains('k7Q-3mX-p9Z') }*.toString() ==
            ['POST /api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel', 'GET /api/v2/fleet/deployments/k7Q-3mX-p9Z']

    // 2: the cancel was accepted, the wait gave up, and the build says what to do.
    log.shows("[ERROR] Datadog deployment 'slow-stop': cancel was requested, but waiting for its final state failed: " +
            "it was still 'stopping' after waiting 1 s. Check it again with the deployment-status goal, or raise waitTimeout.")
    log.shows('BUILD FAILURE')
    def slow = new JsonSlurper().parse(new File(basedir, 'target/fleet/slow-stop.json'))
    assert slow.deployments*.result == ['failed']
    server.onlyRequest('POST', '/api/v2/fleet/deployments/slow-stop/cancel')
    assert server.requests('GET', '/api/v2/fleet/deployments/slow-stop').size() >= 1
} finally {
    server?.close()
}
return true
