import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def keys = ['it-env-api-key-2b7e19c4d8', 'it-env-app-key-61f0ad3e95c2', 'it-prop-api-key-c3d98e0a17', 'it-prop-app-key-47ab5f2c60e8']

    // Both builds really ran under -X and did their work...
    log.shows('with fleet-deployment configurator -->') // -X was on; the goals name their own configurator
    // Maven's own dump of the injected parameters shows the keys given as -D as a mask.
    log.shows('(f) apiKey = ****')
    log.shows('(f) applicationKey = ****')
    log.shows("[INFO] Datadog deployment 'dbg-1': cancel requested (HTTP 200, state stopping")
    log.shows("[WARNING] Datadog status of deployment 'dbg-echo' failed: HTTP 400 Bad Request: Invalid application key **** for API key ****")
    assert log.count('BUILD SUCCESS') == 2

    // ...the keys reached Datadog...
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/dbg-1/cancel')
    assert cancel.header('DD-API-KEY') == 'it-env-api-key-2b7e19c4d8'
    assert cancel.header('DD-APPLICATION-KEY') == 'it-env-app-key-61f0ad3e95c2'
    def status = server.onlyRequest('GET', '/api/v2/fleet/deployments/dbg-echo')
    assert status.header('DD-API-KEY') == 'it-prop-api-key-c3d98e0a17'
    assert status.header('DD-APPLICATION-KEY') == 'it-prop-app-key-47ab5f2c60e8'

    // ...and never the log, in any line, nor the report files.
    def reports = ['cancel-deployment.json', 'deployment-status.json'].collect { new File(basedir, "target/fleet/${it}").text }
    assert reports[1].contains('Invalid application key **** for API key ****')
    keys.each { key ->
        log.lacks(key)
        reports.each { report -> assert !report.contains(key) }
    }
} finally {
    server?.close()
}
return true
