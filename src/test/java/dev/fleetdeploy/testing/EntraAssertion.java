package dev.fleetdeploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import okhttp3.HttpUrl;

/**
 * Checks a client assertion signed with a certificate as Entra ID does: an RS256 JWT whose header names the
 * certificate by thumbprint ({@code x5t#S256}, or the older SHA-1 {@code x5t}), optionally carrying the chain
 * ({@code x5c}, which must start with that certificate), signed with its private key, issued by and about the client,
 * for the token endpoint, and within its lifetime.
 *
 * <p>The audience is compared without its scheme: MSAL only speaks https to an authority, and the fake runs on plain
 * http on loopback (entra.MsalTransport maps one onto the other).
 */
public final class EntraAssertion {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was wrong with an assertion, in Entra's words where it has some; null when it is good. */
    record Verdict(int aadsts, String error, String text) {}

    /** An assertion's header: its algorithm, which thumbprints it names, and how long a chain it carries. */
    public record Seen(String algorithm, boolean hasX5tS256, boolean hasX5t, int chainLength) {}

    private EntraAssertion() {}

    static Seen header(String assertion) {
        try {
            JsonNode header = part(assertion.split("\\.")[0]);
            return new Seen(
                    header.path("alg").asText(""),
                    header.has("x5t#S256"),
                    header.has("x5t"),
                    header.path("x5c").size());
        } catch (RuntimeException e) {
            return new Seen("", false, false, 0);
        }
    }

    static Verdict check(String assertion, X509Certificate certificate, String clientId, HttpUrl tokenUrl) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return new Verdict(50027, "invalid_client", "JWT token is invalid or malformed.");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = part(parts[0]);
            claims = part(parts[1]);
        } catch (RuntimeException e) {
            return new Verdict(50027, "invalid_client", "JWT token is invalid or malformed.");
        }
        if (!header.path("alg").asText().equals("RS256")) {
            return new Verdict(5002738, "invalid_client", "The assertion is not signed with RS256.");
        }
        try {
            byte[] der = certificate.getEncoded();
            boolean s256 = header.has("x5t#S256");
            String thumbprint =
                    s256 ? header.path("x5t#S256").asText() : header.path("x5t").asText();
            byte[] expected =
                    MessageDigest.getInstance(s256 ? "SHA-256" : "SHA-1").digest(der);
            if (!MessageDigest.isEqual(decodeEither(thumbprint), expected)) {
                return new Verdict(
                        700027,
                        "invalid_client",
                        "Client assertion failed signature validation: the key was not found (thumbprint '" + thumbprint
                                + "').");
            }
            JsonNode x5c = header.path("x5c");
            if (x5c.size() > 0
                    && !MessageDigest.isEqual(
                            Base64.getDecoder().decode(x5c.get(0).asText()), der)) {
                return new Verdict(700027, "invalid_client", "The x5c chain does not start with the certificate.");
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return new Verdict(700027, "invalid_client", "Client assertion failed signature validation.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Verdict(700027, "invalid_client", "Client assertion failed signature validation.");
        }
        if (!claims.path("iss").asText().equals(clientId)
                || !claims.path("sub").asText().equals(clientId)) {
            return new Verdict(700023, "invalid_client", "The assertion's issuer and subject must be the client id.");
        }
        HttpUrl audience = HttpUrl.parse(claims.path("aud").asText());
        if (audience == null
                || !audience.host().equals(tokenUrl.host())
                || audience.port() != tokenUrl.port()
                || !audience.encodedPath().equals(tokenUrl.encodedPath())) {
            return new Verdict(
                    700212,
                    "invalid_client",
                    "No matching federated identity record found for presented assertion audience '"
                            + claims.path("aud").asText() + "'.");
        }
        long now = System.currentTimeMillis() / 1000;
        if (claims.path("exp").asLong() < now || claims.path("nbf").asLong(0) > now + 300) {
            return new Verdict(700024, "invalid_client", "Client assertion is not within its valid time range.");
        }
        if (claims.path("jti").asText().isEmpty()) {
            return new Verdict(700025, "invalid_client", "The assertion has no jti.");
        }
        return null;
    }

    /** MSAL writes the SHA-256 thumbprint in standard base64; RFC 7515 says base64url: either is accepted. */
    private static byte[] decodeEither(String text) {
        return text.contains("+") || text.contains("/") || text.endsWith("=")
                ? Base64.getDecoder().decode(text)
                : Base64.getUrlDecoder().decode(text);
    }

    private static JsonNode part(String base64url) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(base64url));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
