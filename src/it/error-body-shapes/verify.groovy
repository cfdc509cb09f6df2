import dev.fleetdeploy.testing.FakeDatadog

FakeDatadog server = context.get('fakeDatadog')
try {
    def log = new File(basedir, 'build.log').text
    def lead = { id -> "[WARNING] Datadog cancel of deployment '${id}' failed: " }

    assert log.contains(lead('shape-errors') + 'HTTP 400 Bad Request: First problem; Second problem.')
    assert log.contains(lead('shape-jsonapi') + 'HTTP 400 Bad Request: Bad Request: deployment_id is malformed.')
    assert log.contains(lead('shape-error-object') + 'HTTP 409 Conflict: Another operation holds this deployment (deployment_locked).')
    assert log.contains(lead('shape-html') + 'HTTP 502 Bad Gateway: an HTML page: 502 Bad Gateway.')
    assert log.contains(lead('shape-empty') + 'HTTP 503 Service Unavailable with no error text.')
    assert !log.contains('<html>')
    assert log.contains('[INFO] Cancel: 0 of 5 deployments done; failed: shape-errors, shape-jsonapi, shape-error-object, shape-html, shape-empty.')
    assert log.contains('BUILD SUCCESS')

    // One request each: maxRetries=0.
    assert server.requests().size() == 5
    assert server.requests().every { it.method() == 'POST' }
} finally {
    server?.close()
}
return true
