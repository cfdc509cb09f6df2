import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog datadog = context.get('fakeDatadog')
FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] target 'agents': Canceling Datadog deployment 'k7Q-3mX-p9Z' on ${datadog.url()} (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] target 'devices': Canceling Azure Device Update deployment 'rollout-d' on ${adu.url()} (in place of contoso.api.adu.microsoft.com), instance 'blue', group 'TestGroup', API 2026-06-01.")
    log.shows("[INFO] target 'agents': Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    log.shows("[INFO] target 'devices': Azure Device Update deployment 'rollout-d', subgroup 'dc-1': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows("[INFO] target 'devices': Azure Device Update deployment 'rollout-d', subgroup 'dc-2': cancel requested (HTTP 200: isCanceled=true, isRetried=false)")
    log.shows('[INFO] Cancel: 3 of 3 deployments done.')
    log.shows('BUILD SUCCESS')

    // Each API got only its own credentials.
    def ddCancel = datadog.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert ddCancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert ddCancel.header('Authorization') == null
    assert adu.requests().size() == 3
    adu.requests().each {
        assert it.header('Authorization') == 'Bearer it-adu-token-7c41e9b2d05a'
        assert it.header('DD-API-KEY') == null
    }
    assert datadog.deployment('k7Q-3mX-p9Z').status() == 'stopping'
    assert adu.subgroupState('rollout-d', 'dc-1') == 'Canceled'
    assert adu.subgroupState('rollout-d', 'dc-2') == 'Canceled'

    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.deployments*.target == ['agents', 'devices', 'devices']
    assert report.deployments*.provider == ['datadog', 'azure-device-update', 'azure-device-update']
} finally {
    datadog?.close()
    adu?.close()
}
return true
