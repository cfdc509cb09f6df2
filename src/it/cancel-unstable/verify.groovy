import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Canceling Datadog deployment 'team-a rollout#7' on ${server.url()} (in place of api.datadoghq.com), API unstable.")
    log.shows("[INFO] Datadog deployment 'team-a rollout#7': cancel requested (HTTP 204)")
    log.shows('[INFO] Cancel: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')

    // The Preview path, the id as one encoded segment, and nothing sent to v2.
    def cancel = server.onlyRequest('POST', '/api/unstable/fleet/deployments/team-a%20rollout%237/cancel')
    assert cancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert cancel.header('DD-APPLICATION-KEY') == 'it-app-key-5be8e04c19aa7d31'
    assert cancel.header('Accept') == 'application/json'
    assert server.requests().size() == 1
    assert server.deployment('team-a rollout#7').status() == 'stopping'
} finally {
    server?.close()
}
return true
