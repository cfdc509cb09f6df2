package dev.fleetdeploy.core;

/** Names of the parameters every provider understands, as the user writes them. */
public final class CommonParameters {
    public static final String PROVIDER = "provider";
    public static final String DEPLOYMENT_ID = "deploymentId";
    public static final String DEPLOYMENT_IDS = "deploymentIds";
    public static final String DEPLOYMENT_ID_FILE = "deploymentIdFile";
    public static final String BASE_URL = "baseUrl";
    public static final String SERVER_ID = "serverId";

    private CommonParameters() {}
}
