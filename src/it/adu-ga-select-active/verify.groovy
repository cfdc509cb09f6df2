import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] 1 active Azure Device Update deployment matches group 'TestGroup': rollout-2 (subgroup dc-toaster)" +
            " (Active, named by its subgroup), rollout-2 (subgroup dc-kettle) (Active, named by its subgroup)")
    log.shows("[INFO] Azure Device Update deployment 'rollout-2', subgroup 'dc-toaster': cancel requested (HTTP 200:" +
            " isCanceled=true, isRetried=false)")
    log.shows("[INFO] Azure Device Update deployment 'rollout-2', subgroup 'dc-kettle': cancel requested (HTTP 200:" +
            " isCanceled=true, isRetried=false)")
    log.shows('[INFO] Cancel: 2 of 2 subgroup deployments done.')
    log.shows('BUILD SUCCESS')

    assert adu.subgroupState('rollout-2', 'dc-toaster') == 'Canceled'
    assert adu.subgroupState('rollout-2', 'dc-kettle') == 'Canceled'
    assert adu.subgroupState('not-ours', 'dc-toaster') == 'Active'
    // The subgroup list came a page at a time, by nextLink.
    assert adu.requests('GET', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups').size() == 2
    assert adu.requests().findAll { it.method() == 'POST' }.size() == 2
} finally {
    adu?.close()
}
return true
