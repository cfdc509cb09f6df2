import dev.fleetdeploy.testing.FakeAdu

// No such deployment: the fake answers 404 as the live service does, in RFC 7807 problem details.
def adu = FakeAdu.start().acceptToken('it-adu-token-7c41e9b2d05a')
context.put('fakeAdu', adu)
context.get('userProperties').put('fleet.baseUrl', adu.url())
return true
