import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    def name = "[INFO] Azure Device Update deployment 'rollout-r', subgroup 'dc-toaster'"

    log.shows("${name}: retry requested (HTTP 200: isCanceled=false, isRetried=true)")
    // Progress, as the counts change from poll to poll.
    log.shows("${name}: Active; 6 devices: 4 succeeded, 0 failed, 2 in progress, 0 canceled")
    log.shows("${name}: Active; 6 devices: 5 succeeded, 0 failed, 1 in progress, 0 canceled")
    log.shows("${name}: Active; 6 devices: 6 succeeded, 0 failed, 0 in progress, 0 canceled")
    log.shows("[INFO] retry of rollout-r (subgroup dc-toaster) on ${adu.url()} (in place of contoso.api.adu.microsoft.com) done (Active): 6 devices updated, 0 canceled, 0 failed")
    log.shows('[INFO] Retry: 1 of 1 subgroup deployment done.')
    log.shows('BUILD SUCCESS')

    def prefix = '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/rollout-r'
    adu.onlyRequest('POST', "${prefix}:retry")
    // One read before the retry (a wait after it compares with it), then the three polls.
    assert adu.requests('GET', "${prefix}/status").size() == 4
    assert adu.subgroup('rollout-r', 'dc-toaster').devicesSucceeded() == 6

    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/retry-deployment.json'))
    def entry = report.deployments[0]
    assert entry.operation == 'retry'
    assert entry.subgroup == 'dc-toaster'
    assert entry.attempts == 1
    assert entry.counts == ['succeeded': 6, 'failed': 0, 'in progress': 0, 'canceled': 0]
} finally {
    adu?.close()
}
return true
