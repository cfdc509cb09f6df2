import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Canceling Azure Device Update deployment 'deploymentId' on ${adu.url()} (in place of contoso.api.adu.microsoft.com), instance 'blue', v2 management API.")
    log.shows('[INFO] Authenticating with a ready access token (from the AZURE_ACCESS_TOKEN environment variable).')
    // The v2 wire names its retry flag isRetry; the plugin shows the flags as the answer had them.
    log.shows("[INFO] Azure Device Update deployment 'deploymentId': cancel requested (HTTP 200: isCanceled=true, isRetry=false, isCompleted=false)")
    log.shows('[INFO] Cancel: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')

    // Exactly the seed's request: POST .../v2/management/deployments/{id}?action=cancel, empty body, bearer token.
    def cancel = adu.onlyRequest('POST', '/deviceupdate/blue/v2/management/deployments/deploymentId')
    assert cancel.query() == 'action=cancel'
    assert cancel.body() == ''
    assert cancel.header('Authorization') == 'Bearer it-adu-token-7c41e9b2d05a'
    assert cancel.header('Accept') == 'application/json'
    assert adu.requests().size() == 1
    assert adu.subgroupState('deploymentId', 'dc1') == 'Canceled'
    assert adu.subgroupState('deploymentId', 'dc2') == 'Canceled'
    log.lacks('it-adu-token-7c41e9b2d05a')
} finally {
    adu?.close()
}
return true
