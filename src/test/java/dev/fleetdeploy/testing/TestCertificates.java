package dev.fleetdeploy.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import okhttp3.tls.HeldCertificate;

/**
 * Client certificates made at test time: an RSA key pair with its certificate (issued by a throwaway CA, so that a
 * chain exists), written as PEM or PKCS#12 files as a user would export them.
 *
 * <pre>
 * def cert = TestCertificates.create('pipeline')
 * def pfx = cert.pkcs12(new File(basedir, 'client.pfx').toPath(), 'it-cert-password')
 * </pre>
 */
public record TestCertificates(HeldCertificate leaf, HeldCertificate issuer) {

    public static TestCertificates create(String commonName) {
        HeldCertificate ca = new HeldCertificate.Builder()
                .commonName(commonName + " test CA")
                .certificateAuthority(0)
                .rsa2048()
                .build();
        HeldCertificate leaf = new HeldCertificate.Builder()
                .commonName(commonName)
                .signedBy(ca)
                .rsa2048()
                .build();
        return new TestCertificates(leaf, ca);
    }

    public X509Certificate certificate() {
        return leaf.certificate();
    }

    /** The certificate, its issuer and the PKCS#8 key, unencrypted, in one PEM file. */
    public Path pem(Path file) throws IOException {
        Files.writeString(
                file,
                leaf.privateKeyPkcs8Pem() + leaf.certificatePem() + issuer.certificatePem(),
                StandardCharsets.US_ASCII);
        return file;
    }

    /** The key in the older PKCS#1 form ("BEGIN RSA PRIVATE KEY"), after the certificate. */
    public Path pemPkcs1(Path file) throws IOException {
        Files.writeString(file, leaf.certificatePem() + leaf.privateKeyPkcs1Pem(), StandardCharsets.US_ASCII);
        return file;
    }

    /** A PKCS#12 file with the key and the chain; {@code password} may be empty ("exported without a password"). */
    public Path pkcs12(Path file, String password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", leaf.keyPair().getPrivate(), password.toCharArray(), new Certificate[] {
                leaf.certificate(), issuer.certificate()
            });
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the PKCS#12 file", e);
        }
    }

    /** The certificate's DER, base64, as an {@code x5c} entry holds it. */
    public String x5c() {
        try {
            return Base64.getEncoder().encodeToString(leaf.certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
