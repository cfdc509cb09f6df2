import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text

    def sentence = "Unknown Datadog site 'datadoghq.xyz' in site (-Dfleet.site): use one of " +
            'datadoghq.com (US1), us3.datadoghq.com (US3), us5.datadoghq.com (US5), datadoghq.eu (EU1), ' +
            'ap1.datadoghq.com (AP1), ap2.datadoghq.com (AP2), uk1.datadoghq.com (UK1), ddog-gov.com (US1-FED), ' +
            'us2.ddog-gov.com (US2-FED).'
    assert log.contains("[ERROR] Failed to execute goal ${pluginCoordinates}:cancel-deployment (default-cli) on project unknown-site: ${sentence}")
    // The plugin's own exception stays inside: no "Caused by" with its internals.
    assert !log.contains('ConfigurationException')
    assert !log.contains('Canceling')
    assert log.contains('BUILD FAILURE')

    assert server.requests().isEmpty()
} finally {
    server?.close()
}
return true
