import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows('[INFO] Cancel: 2 of 3 deployments done; failed: rollout-b.')
    log.shows('BUILD SUCCESS')

    def summary = new File(basedir, 'step-summary.md').text
    def target = "Datadog, ${server.url()} (in place of api.datadoghq.com)"
    // Appended after what the earlier steps wrote: a heading, the closing line, and one row per deployment.
    assert summary == '# Roll out\n\nThe rollout step ran.\n\n' +
            '### fleet:cancel-deployment\n\n' +
            'Cancel: 2 of 3 deployments done; failed: rollout-b.\n\n' +
            '| deployment | target | operation | result | state | counts | created deployment |\n' +
            '| --- | --- | --- | --- | --- | --- | --- |\n' +
            "| rollout-a | ${target} | cancel | succeeded | stopping |  |  |\n" +
            "| rollout-b | ${target} | cancel | failed: HTTP 404 Not Found: Deployment not found |  |  |  |\n" +
            "| rollout-c | ${target} | cancel | succeeded | stopping \\| \\`rm -rf\\` &lt;img src=x&gt;\\\\u000d\\\\u000a\\| forged \\| row \\| |  |  |\n" +
            '\n'
    ['it-api-key-0f3c9a71d2e4', 'it-app-key-5be8e04c19aa7d31'].each { key -> assert !summary.contains(key) }
} finally {
    server?.close()
}
return true
