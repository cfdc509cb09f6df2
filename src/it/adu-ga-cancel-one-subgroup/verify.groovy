import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Canceling Azure Device Update deployment 'rollout-1' on ${adu.url()} (in place of contoso.api.adu.microsoft.com), instance 'blue', group 'TestGroup', device class 'dc-toaster', API 2026-06-01.")
    // The fake leaves out false flags, as the live service does: absent means false.
    log.shows("[INFO] Azure Device Update deployment 'rollout-1', subgroup 'dc-toaster': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows('[INFO] Cancel: 1 of 1 subgroup deployment done.')
    log.shows('BUILD SUCCESS')

    // One request, to the named subgroup's :cancel, with the default api-version; no lookup of the subgroups.
    def cancel = adu.onlyRequest('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/rollout-1:cancel')
    assert cancel.query() == 'api-version=2026-06-01'
    assert cancel.body() == ''
    assert adu.requests().size() == 1
    assert adu.subgroupState('rollout-1', 'dc-toaster') == 'Canceled'
    assert adu.subgroupState('rollout-1', 'dc-kettle') == 'Active'
} finally {
    adu?.close()
}
return true
