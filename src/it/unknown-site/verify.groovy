import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)

    def sentence = "Unknown Datadog site 'datadoghq.xyz' in site (-Dfleet.site): use one of " +
            'datadoghq.com (US1), us3.datadoghq.com (US3), us5.datadoghq.com (US5), datadoghq.eu (EU1), ' +
            'ap1.datadoghq.com (AP1), ap2.datadoghq.com (AP2), uk1.datadoghq.com (UK1), ddog-gov.com (US1-FED), ' +
            'us2.ddog-gov.com (US2-FED).'
    log.shows("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project unknown-site: ${sentence}")
    // The plugin's own exception stays inside: no "Caused by" with its internals.
    log.lacks('ConfigurationException')
    log.lacks('Canceling')
    log.shows('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
