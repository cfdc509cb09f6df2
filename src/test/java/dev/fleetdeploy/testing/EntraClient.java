package dev.fleetdeploy.testing;

/**
 * An app registration the fake Entra ID knows: a client secret, or a federated credential (workload identity) whose
 * assertion must be presented exactly.
 *
 * @param tenant the directory (tenant) id it lives in
 * @param clientId the application (client) id
 * @param secret the client secret, or null
 * @param assertion the federated token it accepts as {@code client_assertion}, or null
 * @param certificate the certificate whose signed assertions it accepts, or null
 */
record EntraClient(
        String tenant,
        String clientId,
        String secret,
        String assertion,
        java.security.cert.X509Certificate certificate) {

    EntraClient(String tenant, String clientId, String secret, String assertion) {
        this(tenant, clientId, secret, assertion, null);
    }

    /** Hides the credentials, so that no failure message or log shows them. */
    @Override
    public String toString() {
        return "EntraClient[" + tenant + "/" + clientId + (secret != null ? ", secret" : "")
                + (assertion != null ? ", federated" : "") + (certificate != null ? ", certificate" : "") + "]";
    }
}
