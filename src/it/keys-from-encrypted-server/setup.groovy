import dev.fleetdeploy.testing.FakeDatadog

// The fake accepts only the server's keys, the application key as Maven decrypts it.
def server = FakeDatadog.start('it-srv-api-key-7d41c0e9b2', 'it-srv-app-key-93ab16f2e8c7')
server.deployment('k7Q-3mX-p9Z', 'running', 3)
context.put('fakeDatadog', server)
def userProperties = context.get('userProperties')
userProperties.put('fleet.baseUrl', server.url())
// Maven reads its master password from here instead of ~/.m2/settings-security.xml.
userProperties.put('settings.security', new File(basedir, 'settings-security.xml').absolutePath)
return true
