import dev.fleetdeploy.testing.FakeDatadog
import dev.fleetdeploy.testing.FakeProxy

// The API, over TLS for the name fleet-api.test; a trust store with its certificate; a proxy that wants credentials
// and tunnels fleet-api.test:443 to the API.
def server = FakeDatadog.startHttps('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31', 'fleet-api.test')
server.deployment('k7Q-3mX-p9Z', 'running', 3)
server.writeTrustStore(new File(basedir, 'truststore.p12'), 'it-trust-pass')
def proxy = FakeProxy.start().requireCredentials('it-proxy-user', 'it-proxy-pass-5c2e91').route('fleet-api.test:443', server.port())
context.put('fakeDatadog', server)
context.put('fakeProxy', proxy)
// The proxy's port, into this IT's settings (the invoker reads them after this script).
def settings = new File(basedir, 'settings-with-proxy.xml')
settings.text = settings.text.replace('FAKE_PROXY_PORT', String.valueOf(proxy.port()))
return true
