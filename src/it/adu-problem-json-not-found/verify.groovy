import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    def cancel = adu.onlyRequest('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/no-such-rollout:cancel')
    assert cancel.query() == 'api-version=2026-06-01' // the default
    // What Azure support asks for: the answer's traceId, and the id the request carried.
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    def ids = report.deployments[0].supportIds
    assert ids.traceId ==~ /00-[0-9a-f]{32}-[0-9a-f]{16}-00/
    assert ids['x-ms-client-request-id'] == cancel.header('x-ms-client-request-id')
    assert UUID.fromString(ids['x-ms-client-request-id'])
    def problem = "Azure Device Update cancel of deployment 'no-such-rollout', subgroup 'dc-toaster' failed: HTTP 404 Not Found: Not Found." +
            " Check the deployment id, groupId ('TestGroup'), the device class ('dc-toaster'), the instance ('blue'), the baseUrl (${adu.url()})" +
            " and apiVersion (2026-06-01): the 2020 v2 management API, 2021-06-01-preview and the GA versions use different paths." +
            " Support ids: traceId ${ids.traceId}, x-ms-client-request-id ${ids['x-ms-client-request-id']}."

    log.shows("[ERROR] ${problem}")
    log.shows('BUILD FAILURE')
    // The failure's message, as Maven shows it, is that sentence (the ITs run with -e, hence a stack trace after it).
    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project adu-problem-json-not-found: ${problem}")

    // A 404 is not retried, and the retry-after: 0 on it changes nothing.
    assert adu.requests().size() == 1
} finally {
    adu?.close()
}
return true
