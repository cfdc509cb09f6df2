import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import java.time.Duration

FakeDatadog server = context.get('fakeDatadog')
List<String> ids = context.get('ids')
try {
    def stopper = context.get('stopper')
    // Stopped for real, and gone within 2 s of the signal, report and summary written.
    assert stopper.pid() > 0
    assert stopper.exitTime() < Duration.ofSeconds(2) : "the build took ${stopper.exitTime()} to end"

    def log = BuildLog.of(basedir)
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.stopped == true
    assert report.deploymentCount == 50
    assert report.deployments*.deploymentId == ids
    def done = report.deployments.findAll { it.result == 'succeeded' }
    def unknown = report.deployments.findAll { it.result == 'unknown' }
    def notAttempted = report.deployments.findAll { it.result == 'not-attempted' }
    // The fake had answered 10 when the signal came; up to 4 of those answers were still on their way back.
    assert done.size() >= 6
    assert unknown.size() >= 1 && unknown.size() <= 4
    assert notAttempted.size() >= 1
    assert done.size() + unknown.size() + notAttempted.size() == 50
    assert report.unknownCount == unknown.size()
    assert report.notAttemptedCount == notAttempted.size()

    // One line for each request on its way, and each unknown entry names its request.
    def onTheirWay = log.lines().findAll { it.startsWith('[WARNING] Stopped while POST ') }
    assert onTheirWay.size() == unknown.size()
    unknown.each { entry ->
        def cancel = "POST ${server.url()}/api/v2/fleet/deployments/${entry.deploymentId}/cancel"
        assert entry.message.startsWith("outcome unknown: the build was stopped while ${cancel} (sent ")
        assert onTheirWay.any { it.startsWith("[WARNING] Stopped while ${cancel} (sent ") && it.endsWith(': its outcome is unknown.') }
    }
    log.shows("[WARNING] Cancel stopped by the build's abort: ${done.size()} of 50 deployments done, ${unknown.size()} with their outcome unknown, ${notAttempted.size()} not attempted.")
    log.shows("[INFO] Report: ${new File(basedir, 'target/fleet/cancel-deployment.json').path}")
    // The JVM runs on for a moment while it stops: the build must not claim a success of its own.
    log.lacks('BUILD SUCCESS')

    // What the report says is what happened: done ones canceled, those not attempted never sent.
    done.each { entry -> assert server.deployment(entry.deploymentId).status() == 'stopping' }
    notAttempted.each { entry ->
        assert server.requests('POST', "/api/v2/fleet/deployments/${entry.deploymentId}/cancel").isEmpty()
        assert server.deployment(entry.deploymentId).status() == 'running'
    }

    // Written whole: the second signal left no temporary file.
    assert new File(basedir, 'target/fleet').list() as List == ['cancel-deployment.json']

    // The job summary: the earlier step's text, then one row per deployment.
    def summary = new File(basedir, 'step-summary.md').text
    assert summary.startsWith('# Roll out\n\nThe rollout step ran.\n\n### fleet:cancel-deployment\n')
    assert summary.contains("Cancel stopped by the build's abort: ${done.size()} of 50 deployments done")
    ids.each { id -> assert summary.count("\n| ${id} | Datadog, ") == 1 }
    assert summary.count('| outcome unknown (build stopped) |') == unknown.size()
    assert summary.count('| not attempted (build stopped) |') == notAttempted.size()

    ['it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31'].each { key ->
        log.lacks(key)
        assert !new File(basedir, 'target/fleet/cancel-deployment.json').text.contains(key)
        assert !summary.contains(key)
    }
} finally {
    server?.close()
}
return true
