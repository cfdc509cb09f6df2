import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    log.shows("[ERROR] Datadog retry of deployment 'mixed-upgrade' failed: its failed hosts do not agree on the packages to" +
            " install: 'db-01' names datadog-agent@7.52.0, 'db-02' names datadog-agent@7.51.0 (the deployment's GET gives" +
            " package versions only per host), so nothing was created. Set targetPackages (name@version, several separated by" +
            " commas) to the packages the deployment installed.")
    log.shows('BUILD FAILURE')
    assert server.requests()*.method() == ['GET']
    assert server.created().isEmpty()
} finally {
    server?.close()
}
return true
