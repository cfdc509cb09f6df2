import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
List<String> ids = context.get('ids')
try {
    def log = BuildLog.of(basedir)

    log.shows("[INFO] Canceling 20 Datadog deployments ('rollout-01', 'rollout-02', 'rollout-03', 'rollout-04', 'rollout-05', 'rollout-06', 'rollout-07', 'rollout-08', 'rollout-09', 'rollout-10' and 10 more) on ${server.url()} (in place of api.datadoghq.com), API v2.")
    // One readable line per deployment, each whole (lines from parallel workers never interleave).
    ids.each { id ->
        assert log.count("[INFO] Datadog deployment '${id}': cancel requested (HTTP 200, state stopping: Cancellation has been requested; the deployment is stopping.)") == 1
    }
    log.shows('[INFO] Cancel: 20 of 20 deployments done.')
    log.shows('BUILD SUCCESS')

    // Each canceled exactly once, several at a time but never more than parallelism (8).
    ids.each { id -> server.onlyRequest('POST', "/api/v2/fleet/deployments/${id}/cancel") }
    assert server.requests().size() == 20
    assert server.maxConcurrentRequests() > 1
    assert server.maxConcurrentRequests() <= 8
    ids.each { id -> assert server.deployment(id).status() == 'stopping' }
} finally {
    server?.close()
}
return true
