import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text
    def hostPort = server.url() - 'http://'

    assert log.contains("[ERROR] Datadog cancel of deployment 'k7Q-3mX-p9Z' failed: no answer from ${hostPort} within 1 s (readTimeout). " +
            'The request may still have been applied: check the deployment with the deployment-status goal before trying again, ' +
            'and raise readTimeout if the API is slow.')
    assert !log.contains('retrying')
    assert log.contains('BUILD FAILURE')

    server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert server.requests().size() == 1
} finally {
    server?.close()
}
return true
