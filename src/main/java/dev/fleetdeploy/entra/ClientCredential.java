package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.Secret;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * An application's identity in Microsoft Entra ID, for the client credentials grant.
 *
 * @param authorityHost where tokens are issued, ending in "/" ("https://login.microsoftonline.com/")
 * @param tenantId the directory (tenant) id or domain
 * @param clientId the application (client) id
 * @param proof how the application proves it is itself
 */
public record ClientCredential(HttpUrl authorityHost, String tenantId, String clientId, Proof proof)
        implements AzureCredential {

    /**
     * A client secret, a client certificate (an assertion signed with it), or a federated token (workload identity)
     * sent as a client assertion.
     */
    public sealed interface Proof {
        /** Where it came from, for the log. */
        String origin();
    }

    public record ClientSecret(Secret secret, String origin) implements Proof {
        @Override
        public String toString() {
            return "ClientSecret[from " + origin + "]";
        }
    }

    /**
     * A certificate and its private key, read from {@code clientCertificatePath}.
     *
     * @param chain the certificate first, then the ones that issued it, if the file has them
     * @param sendChain whether the assertion carries the chain ({@code x5c}), for subject name / issuer
     *     authentication ({@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN})
     */
    public record ClientCertificate(
            PrivateKey privateKey, List<X509Certificate> chain, boolean sendChain, String origin) implements Proof {
        public ClientCertificate {
            chain = List.copyOf(chain);
        }

        /** "subject CN=pipeline, SHA-1 thumbprint 3F2A...": what the app registration lists. */
        public String describe() {
            X509Certificate leaf = chain.get(0);
            return "subject " + leaf.getSubjectX500Principal().getName() + ", thumbprint " + thumbprint(leaf);
        }

        private static String thumbprint(X509Certificate certificate) {
            try {
                return HexFormat.of()
                        .withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
            } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
                return "unknown";
            }
        }

        @Override
        public String toString() {
            return "ClientCertificate[from " + origin + "]";
        }
    }

    /** @param assertion the federated token file's content, read once per execution */
    public record FederatedToken(Secret assertion, String origin) implements Proof {
        @Override
        public String toString() {
            return "FederatedToken[from " + origin + "]";
        }
    }

    /** {@code {authorityHost}{tenantId}/oauth2/v2.0/token}. */
    public HttpUrl tokenUrl() {
        return authorityHost
                .newBuilder()
                .addPathSegment(tenantId)
                .addPathSegments("oauth2/v2.0/token")
                .build();
    }
}
