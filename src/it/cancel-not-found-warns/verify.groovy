import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[WARNING] Datadog cancel of deployment 'gone-404-id' failed: HTTP 404 Not Found: Deployment not found. " +
            "Check the deployment id (a 404 also means the keys' owner cannot see it)")
    log.shows('[WARNING] failOnError is false: the build goes on despite 1 failed deployment.')
    log.shows('[INFO] Cancel: 0 of 1 deployment done; failed: gone-404-id.')
    log.lacks('[ERROR]')
    log.shows('BUILD SUCCESS')

    // The report still says it failed, for the pipeline's next step.
    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.failureCount == 1
    assert report.deployments.size() == 1
    assert report.deployments[0].deploymentId == 'gone-404-id'
    assert report.deployments[0].result == 'failed'
    assert report.deployments[0].httpStatus == 404

    server.onlyRequest('POST', '/api/v2/fleet/deployments/gone-404-id/cancel')
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
