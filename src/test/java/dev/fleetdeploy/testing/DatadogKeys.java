package dev.fleetdeploy.testing;

import java.util.Map;

/** A test's pair of Datadog keys: what the fake accepts, and the environment variables that hand them to the plugin. */
public record DatadogKeys(String apiKey, String applicationKey) {

    /** DD_API_KEY and DD_APP_KEY, as a pipeline sets them. */
    public Map<String, String> environment() {
        return Map.of("DD_API_KEY", apiKey, "DD_APP_KEY", applicationKey);
    }

    /** A fake Datadog that accepts these keys only. */
    public FakeDatadog start() {
        return FakeDatadog.start(apiKey, applicationKey);
    }
}
