import dev.fleetdeploy.testing.CannedAnswer
import dev.fleetdeploy.testing.FakeDatadog

// A load balancer's error page of 10 MB: its title first, then filler.
def filler = '<p>upstream connect error or disconnect/reset before headers. reset reason: connection termination</p>\n'
def page = new StringBuilder('<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>\n')
while (page.length() < 10 * 1024 * 1024) {
    page.append(filler)
}
page.append('</body></html>\n')

def server = FakeDatadog.start('it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58')
server.deployment('huge-1', 'running', 3)
server.answerAlways('huge-1', CannedAnswer.of(502, 'text/html; charset=utf-8', page.toString()))
context.put('fakeDatadog', server)
context.get('userProperties').put('fleet.baseUrl', server.url())
return true
