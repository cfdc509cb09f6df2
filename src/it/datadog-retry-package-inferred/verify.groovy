import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] Datadog deployment 'agent-upgrade': retry requested (HTTP 201, state pending: created deployment" +
            " 'created-1' for the 2 hosts that failed (datadog-agent@7.52.0); deployment 'agent-upgrade' stays as it was)")
    log.shows('BUILD SUCCESS')
    def upgrade = server.onlyRequest('POST', '/api/v2/fleet/deployments/upgrade')
    assert upgrade.body() == '{"data":{"type":"deployment","attributes":{"filter_query":"hostname:db-01 OR hostname:db-03",' +
            '"target_packages":[{"name":"datadog-agent","version":"7.52.0"}]}}}'
    // An upgrade has no dry run.
    assert server.requests('POST', '/api/v2/fleet/deployments/configure').isEmpty()
    assert server.created()*.hosts()*.hostname == [['db-01', 'db-03']]
} finally {
    server?.close()
}
return true
