import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] cancel of k7Q-3mX-p9Z on ${server.url()} (in place of api.datadoghq.com) done (canceled): 0 hosts updated before it stopped, 3 canceled, 0 failed")
    log.shows('BUILD FAILURE')

    // Written on failure too, where reportFile says.
    def report = new JsonSlurper().parse(new File(basedir, 'target/release/fleet-report.json'))
    assert report.goal == 'cancel-deployment'
    assert report.dryRun == false
    assert report.deploymentCount == 2
    assert report.failureCount == 1
    assert report.deployments.size() == 2

    def done = report.deployments[0]
    assert done.provider == 'datadog'
    assert done.operation == 'cancel'
    assert done.location == "${server.url()} (in place of api.datadoghq.com), API v2".toString()
    assert done.deploymentId == 'k7Q-3mX-p9Z'
    assert done.result == 'succeeded'
    assert done.httpStatus == 200
    assert done.attempts == 2 // the 503, then the cancel that worked; the polls of the wait are not attempts
    assert done.durationMillis >= 1000 // the Retry-After: 1 wait at least
    assert done.state == 'canceled'
    assert done.message == 'Cancellation has been requested; the deployment is stopping.'
    assert done.counts == [succeeded: 0, failed: 0, running: 0, canceled: 3, skipped: 0]
    assert done.status.final == true
    assert done.status.unit == 'hosts'
    assert done.status.total == 3
    assert !done.containsKey('target')

    def failed = report.deployments[1]
    assert failed.deploymentId == 'gone-1'
    assert failed.operation == 'cancel'
    assert failed.result == 'failed'
    assert failed.httpStatus == 404
    assert failed.attempts == 1
    assert failed.problem == 'HTTP 404 Not Found: Deployment not found'
    assert failed.hint.startsWith('Check the deployment id')
    assert failed.message.startsWith("Datadog cancel of deployment 'gone-1' failed: HTTP 404 Not Found: Deployment not found.")
    assert failed.durationMillis >= 0

    ['it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31'].each { key ->
        assert !new File(basedir, 'target/release/fleet-report.json').text.contains(key)
    }
} finally {
    server?.close()
}
return true
