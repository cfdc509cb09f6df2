import dev.fleetdeploy.testing.BuildLog
import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = BuildLog.of(basedir)
    def lead = { id -> "[WARNING] Datadog cancel of deployment '${id}' failed: " }

    log.shows(lead('shape-errors') + 'HTTP 400 Bad Request: First problem; Second problem.')
    log.shows(lead('shape-jsonapi') + 'HTTP 400 Bad Request: Bad Request: deployment_id is malformed.')
    log.shows(lead('shape-error-object') + 'HTTP 409 Conflict: Another operation holds this deployment (deployment_locked).')
    log.shows(lead('shape-html') + 'HTTP 502 Bad Gateway: an HTML page: 502 Bad Gateway.')
    log.shows(lead('shape-empty') + 'HTTP 503 Service Unavailable with no error text.')
    log.lacks('<html>')
    log.shows('[INFO] Cancel: 0 of 5 deployments done; failed: shape-errors, shape-jsonapi, shape-error-object, shape-html, shape-empty.')
    log.shows('BUILD SUCCESS')

    // One request each: maxRetries=0.
    assert server.requests().size() == 5
    assert server.requests().every { it.method() == 'POST' }
} finally {
    server?.close()
}
return true
