import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def ids = ['dep-eu-1', 'dep-us-2', 'dep-ap-3']

    log.shows("[INFO] Canceling 3 Datadog deployments ('dep-eu-1', 'dep-us-2', 'dep-ap-3') on ${server.url()}")
    ids.each { id ->
        log.shows("[INFO] Datadog deployment '${id}': cancel requested (HTTP 200, state stopping: Cancellation has been requested; the deployment is stopping.)")
    }
    log.shows('[INFO] Cancel: 3 of 3 deployments done.')
    log.shows('BUILD SUCCESS')

    // One entry per deployment, in the file's order.
    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.goal == 'cancel-deployment'
    assert report.deploymentCount == 3
    assert report.failureCount == 0
    assert report.deployments*.deploymentId == ids
    assert report.deployments.every { it.result == 'succeeded' && it.httpStatus == 200 && it.state == 'stopping' }

    // Each id once; comments and blank lines never became requests.
    ids.each { id -> server.onlyRequest('POST', "/api/v2/fleet/deployments/${id}/cancel") }
    assert server.requests().size() == 3
    ids.each { id -> assert server.deployment(id).status() == 'stopping' }
} finally {
    server?.close()
}
return true
