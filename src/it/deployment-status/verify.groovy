import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    // v2: the counts as Datadog gives them, and the failed host with its error.
    log.shows("[INFO] Reading the status of Datadog deployment 'st-v2' on ${server.url()} (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] Datadog deployment 'st-v2': running; 5 hosts: 2 succeeded, 1 failed, 1 running, 0 canceled, 0 skipped")
    log.shows('[INFO]   failed on web-03: disk full')
    def v2 = server.onlyRequest('GET', '/api/v2/fleet/deployments/st-v2')
    assert v2.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert v2.header('Accept') == 'application/json'

    // unstable: counted over both pages, the failed hosts of the second page included.
    log.shows("[INFO] Datadog deployment 'st-big': running; 150 hosts: 120 succeeded, 5 failed, 25 running")
    (146..150).each { i -> log.shows("[INFO]   failed on node-${i}: agent did not restart") }
    def pages = server.requests('GET', '/api/unstable/fleet/deployments/st-big')
    assert pages*.query() == ['limit=100&page=0', 'limit=100&page=1']

    assert log.count('BUILD SUCCESS') == 2
    // Reading changes nothing.
    assert server.requests().every { it.method() == 'GET' }
    assert server.requests().size() == 3
} finally {
    server?.close()
}
return true
