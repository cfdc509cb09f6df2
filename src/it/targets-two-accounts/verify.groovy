import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog eu = context.get('eu')
FakeDatadog us = context.get('us')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] target 'eu': Canceling Datadog deployment 'eu-dep-1' on ${eu.url()} (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] target 'us': Canceling Datadog deployment 'us-dep-2' on ${us.url()} (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] target 'eu': Datadog deployment 'eu-dep-1': cancel requested (HTTP 200, state stopping")
    log.shows("[INFO] target 'us': Datadog deployment 'us-dep-2': cancel requested (HTTP 200, state stopping")
    log.shows('[INFO] Cancel: 2 of 2 deployments done.')
    log.shows('BUILD SUCCESS')
    log.lacks('it-us-app-key-d61c27e4a8')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments.collect { [it.target, it.deploymentId, it.result] } ==
            [['eu', 'eu-dep-1', 'succeeded'], ['us', 'us-dep-2', 'succeeded']]

    // Each account got its own deployment, with its own keys, and nothing of the other's.
    def euCancel = eu.onlyRequest('POST', '/api/v2/fleet/deployments/eu-dep-1/cancel')
    assert euCancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert eu.requests().size() == 1
    def usCancel = us.onlyRequest('POST', '/api/v2/fleet/deployments/us-dep-2/cancel')
    assert usCancel.header('DD-API-KEY') == 'it-us-api-key-5a0f93b1'
    assert usCancel.header('DD-APPLICATION-KEY') == 'it-us-app-key-d61c27e4a8'
    assert us.requests().size() == 1
} finally {
    eu?.close()
    us?.close()
}
return true
