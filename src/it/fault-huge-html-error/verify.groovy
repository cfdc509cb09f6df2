import dev.fleetdeploy.faults.MavenTotalTime
import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import java.time.Duration

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def failure = "Datadog cancel of deployment 'huge-1' failed: HTTP 502 Bad Gateway: an HTML page: 502 Bad Gateway. " +
            'Datadog had an error on its side: try again later, and see https://status.datadoghq.com.'

    // One ERROR line for the deployment, short, and the same sentence as the build's failure.
    log.shows("[ERROR] ${failure}")
    assert log.lines().count { it.startsWith("[ERROR] Datadog cancel of deployment 'huge-1'") } == 1
    assert failure.length() < 600
    log.shows('BUILD FAILURE')
    log.lacks('retrying')

    // The debug line of the answer shows 2,000 characters of the page at most, and the answer took no time to read.
    def answer = log.line("[DEBUG] <- 502 Bad Gateway for POST ${server.url()}/api/v2/fleet/deployments/huge-1/cancel in ")
    assert answer.length() < 2300 : answer.length()
    assert answer.endsWith('…')
    def millis = (answer =~ / in (\d+) ms: /)[0][1] as long
    assert millis < 5000 : answer.substring(0, 200)

    // Not flooded: no line anywhere near the page's size, and the whole log far smaller than it.
    assert log.lines().every { it.length() < 2500 }
    assert new File(basedir, 'build.log').length() < 2 * 1024 * 1024

    // The build gave up fast (Maven's own count, start-up included).
    def took = MavenTotalTime.of(log)
    assert took < Duration.ofSeconds(10) : took

    server.onlyRequest('POST', '/api/v2/fleet/deployments/huge-1/cancel')
    assert server.requests().size() == 1
    ['it-fault-api-key-8d2c51e7b0a4', 'it-fault-app-key-3e96f0b1c47d2a58'].each { log.lacks(it) }
} finally {
    server?.close()
}
return true
