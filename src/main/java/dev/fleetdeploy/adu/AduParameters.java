package dev.fleetdeploy.adu;

/** Names of the Azure Device Update parameters and of the environment variables Azure's own SDKs read. */
public final class AduParameters {
    public static final String ENDPOINT = "endpoint";
    public static final String ACCOUNT = "account";
    public static final String INSTANCE = "instance";
    public static final String API_VERSION = "apiVersion";
    public static final String GROUP_ID = "groupId";
    public static final String DEVICE_CLASS_ID = "deviceClassId";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String TENANT_ID = "tenantId";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String FEDERATED_TOKEN_FILE = "federatedTokenFile";
    public static final String AUTHORITY_HOST = "authorityHost";

    public static final String ENV_ACCESS_TOKEN = "AZURE_ACCESS_TOKEN";
    public static final String ENV_TENANT_ID = "AZURE_TENANT_ID";
    public static final String ENV_CLIENT_ID = "AZURE_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    public static final String ENV_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    public static final String ENV_AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";

    /** What an ADU token must be for. */
    public static final String SCOPE = "https://api.adu.microsoft.com/.default";

    private AduParameters() {}
}
