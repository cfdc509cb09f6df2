import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] 3 active Datadog deployments match host query 'env:prod': prod-c (running, by it@example.com, query" +
            " 'env:prod', started ")
    log.shows('[ERROR] select=active matched 3 deployments, more than maxDeployments (2): nothing was done.')
    ['prod-a', 'prod-b', 'prod-c'].each { id ->
        log.shows("[ERROR] Datadog cancel of deployment '${id}' failed: not canceled: select=active matched 3 deployments," +
                " more than maxDeployments (2), so the run acts on none of them. Narrow the selection, or raise" +
                " maxDeployments if all of them are meant.")
    }
    log.shows('BUILD FAILURE')

    assert server.requests()*.method() == ['GET']
    ['prod-a', 'prod-b', 'prod-c'].each { id -> assert server.deployment(id).status() == 'running' }
    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments*.result == ['failed', 'failed', 'failed']
    assert report.selections[0].deployments*.deploymentId == ['prod-c', 'prod-b', 'prod-a']
} finally {
    server?.close()
}
return true
