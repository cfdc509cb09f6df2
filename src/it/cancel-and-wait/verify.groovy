import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    assert log.contains("[INFO] Datadog deployment 'k7Q-3mX-p9Z': canceled; 3 hosts: 1 succeeded, 0 failed, 0 running, 2 canceled, 0 skipped")
    assert log.contains('BUILD SUCCESS')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments[0].status.state == 'canceled'
    assert report.deployments[0].status.final == true

    // The cancel, then the read that found it final.
    assert server.requests()*.toString() == ['POST /api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel', 'GET /api/v2/fleet/deployments/k7Q-3mX-p9Z']
} finally {
    server?.close()
}
return true
