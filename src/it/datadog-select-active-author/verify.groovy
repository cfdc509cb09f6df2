import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog
import groovy.json.JsonSlurper

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def selection = "[INFO] 1 active Datadog deployment matches author ci-bot@example.com: bot-rollout (running, by" +
            " ci-bot@example.com, query 'env:prod', started 2023-11-14T19:28:40Z)"
    // 1: the status lists it; 2: the cancel, after logging the same selection first.
    assert log.count(selection) == 2
    log.shows("[INFO] Reading the status of Datadog deployment 'bot-rollout' on ")
    log.shows("[INFO] Canceling Datadog deployment 'bot-rollout' on ")
    log.shows("[INFO] Datadog deployment 'bot-rollout': cancel requested (HTTP 200, state stopping: Cancellation has been" +
            " requested; the deployment is stopping.)")
    assert log.count('BUILD SUCCESS') == 2

    assert server.requests()*.method().count('POST') == 1
    assert server.deployment('bot-rollout').status() == 'stopping'
    assert server.deployment('alice-rollout').status() == 'running'

    def report = new JsonSlurper().parse(new File(basedir, 'target/fleet/cancel-deployment.json'))
    assert report.selections*.narrowing == ['author ci-bot@example.com']
    assert report.selections[0].deployments*.deploymentId == ['bot-rollout']
    assert report.deployments*.deploymentId == ['bot-rollout']
} finally {
    server?.close()
}
return true
