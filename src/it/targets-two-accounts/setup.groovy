import dev.fleetdeploy.testing.FakeDatadog

// Two organizations, each accepting only its own keys.
def eu = FakeDatadog.start('it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31')
def us = FakeDatadog.start('it-us-api-key-5a0f93b1', 'it-us-app-key-d61c27e4a8')
eu.deployment('eu-dep-1', 'running', 2)
us.deployment('us-dep-2', 'running', 2)
context.put('eu', eu)
context.put('us', us)
context.get('userProperties').put('it.euUrl', eu.url())
context.get('userProperties').put('it.usUrl', us.url())
return true
