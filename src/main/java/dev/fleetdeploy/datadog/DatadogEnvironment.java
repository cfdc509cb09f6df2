package dev.fleetdeploy.datadog;

/** The environment variables Datadog's own clients read, which the plugin reads too. */
final class DatadogEnvironment {
    static final String API_KEY = "DD_API_KEY";
    static final String APP_KEY = "DD_APP_KEY";
    static final String SITE = "DD_SITE";
    /** Read by no official client; we only point it out when DD_APP_KEY is missing. */
    static final String APPLICATION_KEY_MISNAMED = "DD_APPLICATION_KEY";

    private DatadogEnvironment() {}
}
