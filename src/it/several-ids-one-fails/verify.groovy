import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Datadog deployment 'run-1': cancel requested (HTTP 200, state stopping")
    log.shows("[INFO] Datadog deployment 'run-3': cancel requested (HTTP 200, state stopping")
    log.shows("[ERROR] Datadog cancel of deployment 'done-2' failed: HTTP 400 Bad Request: " +
            'Deployment done-2 cannot be canceled: its status is completed; only pending or running deployments can be canceled')
    log.shows('A deployment can be canceled only while its status is pending or running: check its status with the deployment-status goal, and check the deployment id.')
    log.shows('[INFO] Cancel: 2 of 3 deployments done; failed: done-2.')
    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project several-ids-one-fails: Cancel: 2 of 3 deployments done; failed: done-2.")
    log.shows('BUILD FAILURE')

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deploymentCount == 3
    assert report.failureCount == 1
    assert report.deployments*.deploymentId == ['run-1', 'done-2', 'run-3']
    assert report.deployments*.result == ['succeeded', 'failed', 'succeeded']
    assert report.deployments*.httpStatus == [200, 400, 200]

    ['run-1', 'done-2', 'run-3'].each { id -> server.onlyRequest('POST', "/api/v2/fleet/deployments/${id}/cancel") }
    assert server.requests().size() == 3
    assert server.deployment('done-2').status() == 'completed'

    // Last, so that everything above is checked first: Datadog's text ends with a period, and the plugin must not
    // add a second one before its hint ("...can be canceled.. A deployment..." is the bug this catches).
    log.lacks('can be canceled.. ')
    log.shows("[ERROR] Datadog cancel of deployment 'done-2' failed: HTTP 400 Bad Request: " +
            'Deployment done-2 cannot be canceled: its status is completed; only pending or running deployments can be canceled. ' +
            'A deployment can be canceled only while its status is pending or running: check its status with the deployment-status goal, and check the deployment id.')
} finally {
    server?.close()
}
return true
