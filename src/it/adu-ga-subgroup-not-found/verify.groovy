import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    def prefix = '/deviceUpdate/blue/management/groups/TestGroup'

    log.shows("[INFO] Azure Device Update deployment 'rollout-3' has 3 subgroups (dc-a, dc-b, dc-c): each gets its own cancel.")
    log.shows("[INFO] Azure Device Update deployment 'rollout-3', subgroup 'dc-a': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[INFO] Azure Device Update deployment 'rollout-3', subgroup 'dc-c': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[ERROR] Azure Device Update cancel of deployment 'rollout-3', subgroup 'dc-b' failed: HTTP 404 Not Found: Not Found. Check the deployment id, groupId ('TestGroup'), the device class ('dc-b'), the instance ('blue')")
    log.shows('[INFO] Cancel: 2 of 3 subgroup deployments done; failed: rollout-3 (subgroup dc-b).')
    log.shows('BUILD FAILURE')

    // The subgroups were listed once, then every one was attempted: the two others are canceled.
    assert adu.onlyRequest('GET', "${prefix}/deployments/rollout-3").query() == 'api-version=2026-06-01'
    ['dc-a', 'dc-b', 'dc-c'].each { dc ->
        adu.onlyRequest('POST', "${prefix}/deviceClassSubgroups/${dc}/deployments/rollout-3:cancel")
    }
    assert adu.requests().size() == 4
    assert adu.subgroupState('rollout-3', 'dc-a') == 'Canceled'
    assert adu.subgroupState('rollout-3', 'dc-b') == 'Active'
    assert adu.subgroupState('rollout-3', 'dc-c') == 'Canceled'

    // The report has one entry per subgroup.
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments*.subgroup == ['dc-a', 'dc-b', 'dc-c']
    assert report.deployments*.result == ['succeeded', 'failed', 'succeeded']
    assert report.deployments[1].httpStatus == 404
} finally {
    adu?.close()
}
return true
