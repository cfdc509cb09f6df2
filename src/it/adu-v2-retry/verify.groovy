import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Retrying Azure Device Update deployment 'deploymentId' on ${adu.url()} (in place of contoso.api.adu.microsoft.com), instance 'blue', v2 management API.")
    log.shows("[INFO] Azure Device Update deployment 'deploymentId': retry requested (HTTP 200: isCanceled=false, isRetry=true, isCompleted=false)")
    log.shows('[INFO] Retry: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')

    // Exactly the seed's request, with action=retry.
    def retry = adu.onlyRequest('POST', '/deviceupdate/blue/v2/management/deployments/deploymentId')
    assert retry.query() == 'action=retry'
    assert retry.body() == ''
    assert retry.header('Authorization') == 'Bearer it-adu-token-7c41e9b2d05a'
    assert adu.requests().size() == 1
    // The three failed devices are in progress again.
    def subgroup = adu.subgroup('deploymentId', 'dc1')
    assert subgroup.isRetried()
    assert subgroup.devicesFailed() == 0
    assert subgroup.devicesInProgress() == 3
} finally {
    adu?.close()
}
return true
