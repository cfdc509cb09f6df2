import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def query = 'hostname:web-02.example.com OR hostname:web-03.example.com'
    def operations = '[{"file_op":"merge-patch","file_path":"/datadog.yaml","patch":{"log_level":"info","logs_enabled":true}}]'
    def body = '{"data":{"type":"deployment","attributes":{"filter_query":"' + query + '","config_operations":' + operations + '}}}'

    // 1: the dry run read the deployment and printed the exact bodies, creating nothing.
    log.shows("[INFO] [dry run]   GET ${server.url()}/api/v2/fleet/deployments/cfg-rollout  (sent: a dry run reads the deployment)")
    log.shows("[INFO] [dry run]   POST ${server.url()}/api/v2/fleet/deployments/configure  (Datadog's own dry run: its total_hosts must be 2)")
    log.shows("[INFO] [dry run]   POST ${server.url()}/api/v2/fleet/deployments/configure  (creates the new deployment for the 2 hosts that failed)")
    log.shows('[INFO] [dry run]     body: ' + body)
    log.shows('[INFO] Dry run: retry of 1 deployment planned; nothing was sent.')

    // 2: Datadog's dry run, then the create, then the wait on the new deployment.
    log.shows("[INFO] Datadog deployment 'cfg-rollout': retry requested (HTTP 201, state pending: created deployment 'created-1'" +
            " for the 2 hosts that failed (its configuration operations); deployment 'cfg-rollout' stays as it was)")
    log.shows("[INFO] Datadog deployment 'created-1': completed; 2 hosts: 2 succeeded, 0 failed, 0 running, 0 canceled, 0 skipped")
    log.shows('[INFO] Retry: 1 of 1 deployment done.')
    assert log.count('BUILD SUCCESS') == 2
    log.lacks('it-api-key-0f3c9a71d2e4')
    log.lacks('it-app-key-5be8e04c19aa7d31')

    def creates = server.requests('POST', '/api/v2/fleet/deployments/configure')
    assert creates*.body() == [body.replace('}}}', ',"dry_run":true}}}'), body]
    assert server.created()*.id() == ['created-1']
    assert server.deployment('cfg-rollout').status() == 'done_with_errors'
    assert new File(basedir, 'target/fleet/created-ids.txt').readLines() == ['created-1']

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/retry-deployment.json'))
    assert report.deployments*.deploymentId == ['cfg-rollout']
    assert report.deployments*.createdDeploymentId == ['created-1']
    assert report.deployments*.state == ['completed']
} finally {
    server?.close()
}
return true
