import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def hostPort = server.url() - 'http://'

    def retry = log.line("[INFO] POST ${server.url()}/api/v2/fleet/deployments/trr-1/cancel: no answer from ${hostPort} within 1 s (readTimeout); retrying in ")
    assert retry.endsWith('(retry 1 of 3).') : retry
    log.shows("[INFO] Datadog deployment 'trr-1': cancel requested (HTTP 400, state stopping: an earlier attempt, which got no" +
            ' clear answer, had already canceled it; the repeat was refused (Deployment trr-1 cannot be canceled: its status' +
            ' is stopping; only pending or running deployments can be canceled.))')
    log.shows('[INFO] Cancel: 1 of 1 deployment done.')
    log.shows('BUILD SUCCESS')
    log.lacks('[ERROR]')

    // The late cancel, its repeat, and the read that settled it; every one with the keys.
    def cancels = server.requests('POST', '/api/v2/fleet/deployments/trr-1/cancel')
    assert cancels.size() == 2
    server.onlyRequest('GET', '/api/v2/fleet/deployments/trr-1')
    assert server.requests().size() == 3
    assert server.requests().every { it.header('DD-API-KEY') == 'it-fault-api-key-8d2c51e7b0a4' }

    // The report tells the same.
    def report = new File(basedir, 'target/fleet/cancel-deployment.json').text
    assert report.contains('had already canceled it')
    ['it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58'].each { key ->
        log.lacks(key)
        assert !report.contains(key)
    }
} finally {
    server?.close()
}
return true
