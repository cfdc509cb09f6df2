package dev.fleetdeploy.datadog;

/** Names of the Datadog parameters and of the environment variables Datadog's own clients read. */
public final class DatadogParameters {
    public static final String SITE = "site";
    public static final String API_KEY = "apiKey";
    public static final String APPLICATION_KEY = "applicationKey";
    public static final String DATADOG_API = "datadogApi";

    public static final String ENV_API_KEY = "DD_API_KEY";
    public static final String ENV_APP_KEY = "DD_APP_KEY";
    public static final String ENV_SITE = "DD_SITE";
    /** Read by no official client; we only point it out when DD_APP_KEY is missing. */
    public static final String ENV_APPLICATION_KEY_MISNAMED = "DD_APPLICATION_KEY";

    private DatadogParameters() {}
}
