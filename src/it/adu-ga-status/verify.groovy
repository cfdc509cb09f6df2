import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    // The fake moves one in-progress device of each subgroup to succeeded on every status read.
    log.shows("[INFO] Azure Device Update deployment 'rollout-s': ActiveWithSubgroupFailures; 12 devices: 7 succeeded, 2 failed, 3 in progress, 0 canceled")
    log.shows('[INFO]   subgroup dc-toaster: Active; 10 devices: 6 succeeded, 1 failed, 3 in progress, 0 canceled')
    log.shows('[INFO]   subgroup dc-kettle: Failed; 2 devices: 1 succeeded, 1 failed, 0 in progress, 0 canceled; error: The subgroup deployment failed to be created due to hitting the ADM configuration limit (ADMConfigurationLimitExceeded)')
    log.shows('[INFO] Status: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')

    def status = adu.onlyRequest('GET', '/deviceUpdate/blue/management/groups/TestGroup/deployments/rollout-s/status')
    assert status.query() == 'api-version=2026-06-01' // the default
    assert adu.requests().size() == 1

    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/deployment-status.json'))
    def entry = report.deployments[0]
    assert entry.status.state == 'ActiveWithSubgroupFailures'
    assert entry.status.unit == 'devices'
    assert entry.status.total == 12
    assert entry.status.counts == ['succeeded': 7, 'failed': 2, 'in progress': 3, 'canceled': 0]
} finally {
    adu?.close()
}
return true
