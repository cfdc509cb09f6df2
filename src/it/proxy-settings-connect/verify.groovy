import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeProxy

FakeDatadog server = context.get('fakeDatadog')
FakeProxy proxy = context.get('fakeProxy')
try {
    def log = BuildLog.of(basedir)
    log.shows("[INFO] Canceling Datadog deployment 'k7Q-3mX-p9Z' on https://fleet-api.test (in place of api.datadoghq.com), API v2.")
    log.shows("[INFO] Datadog deployment 'k7Q-3mX-p9Z': cancel requested (HTTP 200, state stopping")
    log.shows('BUILD SUCCESS')

    // The proxy saw one CONNECT for the API's host, with its own credentials and nothing of Datadog's.
    def connects = proxy.requests().findAll { it.method() == 'CONNECT' }
    assert connects*.target() == ['fleet-api.test:443']
    def connect = connects[0]
    assert connect.header('Proxy-Authorization') == 'Basic ' + 'it-proxy-user:it-proxy-pass-5c2e91'.bytes.encodeBase64().toString()
    assert connect.header('DD-API-KEY') == null
    assert connect.header('DD-APPLICATION-KEY') == null
    assert connect.header('User-Agent').startsWith('fleet-deployment-maven-plugin/')
    assert proxy.requests().every { it.method() == 'CONNECT' } // nothing sent to the proxy in the clear

    // Through the tunnel, the API got the cancel with the keys, over TLS.
    def cancel = server.onlyRequest('POST', '/api/v2/fleet/deployments/k7Q-3mX-p9Z/cancel')
    assert cancel.header('DD-API-KEY') == 'it-api-key-0f3c9a71d2e4'
    assert cancel.header('Proxy-Authorization') == null
    assert server.deployment('k7Q-3mX-p9Z').status() == 'stopping'

    ['it-proxy-pass-5c2e91', 'it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31'].each { log.lacks(it) }
} finally {
    proxy?.close()
    server?.close()
}
return true
