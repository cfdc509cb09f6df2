package dev.fleetdeploy.adu;

/** The environment variables Azure's own SDKs read, which the plugin reads too. */
final class AduEnvironment {
    static final String ACCESS_TOKEN = "AZURE_ACCESS_TOKEN";
    static final String TENANT_ID = "AZURE_TENANT_ID";
    static final String CLIENT_ID = "AZURE_CLIENT_ID";
    static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    static final String FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
    static final String CLIENT_CERTIFICATE_PATH = "AZURE_CLIENT_CERTIFICATE_PATH";
    static final String CLIENT_CERTIFICATE_PASSWORD = "AZURE_CLIENT_CERTIFICATE_PASSWORD";
    static final String SEND_CERTIFICATE_CHAIN = "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN";

    private AduEnvironment() {}

    /** "the AZURE_CLIENT_ID environment variable", for messages. */
    static String describe(String variable) {
        return "the " + variable + " environment variable";
    }
}
