import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeAdu

FakeAdu adu = context.get('fakeAdu')
try {
    def log = BuildLog.of(basedir)
    def problem = "Azure Device Update cancel of deployment 'no-such-rollout', subgroup 'dc-toaster' failed: HTTP 404 Not Found: Not Found." +
            " Check the deployment id, groupId ('TestGroup'), the device class ('dc-toaster'), the instance ('blue'), the baseUrl (${adu.url()})" +
            " and apiVersion (2022-10-01): the seed's v2 management API, 2021-06-01-preview and the GA versions use different paths."

    log.shows("[ERROR] ${problem}")
    log.shows('BUILD FAILURE')
    // The failure's message, as Maven shows it, is that sentence (the ITs run with -e, hence a stack trace after it).
    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project adu-problem-json-not-found: ${problem}")

    def cancel = adu.onlyRequest('POST', '/deviceUpdate/blue/management/groups/TestGroup/deviceClassSubgroups/dc-toaster/deployments/no-such-rollout:cancel')
    assert cancel.query() == 'api-version=2022-10-01'
    // A 404 is not retried, and the retry-after: 0 on it changes nothing.
    assert adu.requests().size() == 1
} finally {
    adu?.close()
}
return true
