package dev.fleetdeploy.entra;

import dev.fleetdeploy.core.ConfigurationException;
import dev.fleetdeploy.core.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client certificate and its private key from a PEM file (an unencrypted PKCS#8 or PKCS#1 RSA key and one or
 * more certificates, as Azure's SDKs read them) or a PKCS#12 file ({@code .pfx}/{@code .p12}, with or without a
 * password). Microsoft Entra ID takes RSA keys only (docs/entra-id.md). Every failure is one sentence that names the
 * file and what to do, and never the password.
 */
public final class CertificateFile {
    /** A certificate file is a few KB; anything much larger is not one. */
    static final long MAX_BYTES = 256 * 1024;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----", Pattern.DOTALL);

    private CertificateFile() {}

    /**
     * @param password the PKCS#12 password, or null
     * @param origin where the path came from, for messages and the log
     * @param passwordPlaces where the password is set, for messages ("clientCertificatePassword or ...")
     */
    public static ClientCredential.ClientCertificate load(
            String path, Secret password, boolean sendChain, String origin, String passwordPlaces) {
        String where = "The client certificate '" + path + "' from " + origin;
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(where + " is not a valid path: give the path of a PEM or PKCS#12 file.");
        }
        byte[] content;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException(where + " does not exist or is not a file: check the path.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigurationException(where + " is larger than " + MAX_BYTES / 1024
                        + " KB, which no certificate file is: check the path.");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigurationException(
                    where + " cannot be read (" + e.getClass().getSimpleName() + "): check its permissions.");
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        ClientCredential.ClientCertificate certificate = text.contains("-----BEGIN ")
                ? pem(text, where, sendChain, origin)
                : pkcs12(content, password, where, sendChain, origin, passwordPlaces);
        if (!(certificate.privateKey() instanceof RSAPrivateCrtKey)
                && !certificate.privateKey().getAlgorithm().equals("RSA")) {
            throw new ConfigurationException(
                    where + " holds a " + certificate.privateKey().getAlgorithm()
                            + " key: Microsoft Entra ID takes RSA certificates only.");
        }
        return certificate;
    }

    private static ClientCredential.ClientCertificate pem(String text, String where, boolean sendChain, String origin) {
        PrivateKey key = null;
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        where + " has a " + type + " block that is not base64: check the file.");
            }
            switch (type) {
                case "CERTIFICATE" -> certificates.add(x509(der, where));
                case "PRIVATE KEY" -> key = rsaKey(der, where);
                case "RSA PRIVATE KEY" -> key = rsaKey(pkcs1ToPkcs8(der), where);
                case "ENCRYPTED PRIVATE KEY" ->
                    throw new ConfigurationException(where + " holds an encrypted PEM key, which the plugin does not"
                            + " read: give a PKCS#12 file with its password instead, or the key unencrypted"
                            + " (openssl pkcs12 -export, or openssl pkey).");
                default -> {
                    // Other blocks (parameters, a CSR) are not ours to read.
                }
            }
        }
        if (key == null) {
            throw new ConfigurationException(where + " has no private key: a PEM file must hold the certificate and"
                    + " its unencrypted private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).");
        }
        if (certificates.isEmpty()) {
            throw new ConfigurationException(where + " has no certificate (BEGIN CERTIFICATE): add it to the file.");
        }
        return new ClientCredential.ClientCertificate(key, leafFirst(key, certificates, where), sendChain, origin);
    }

    private static ClientCredential.ClientCertificate pkcs12(
            byte[] content, Secret password, String where, boolean sendChain, String origin, String passwordPlaces) {
        char[] secret = password == null ? new char[0] : password.reveal().toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new ConfigurationException(where + " cannot be opened with "
                        + (password == null ? "no password" : "the password given")
                        + ": set " + passwordPlaces + " to its password.");
            }
            throw new ConfigurationException(
                    where + " is neither a PEM nor a PKCS#12 file: give a .pem (certificate and key) or a .pfx/.p12.");
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(
                    where + " cannot be read as PKCS#12 (" + e.getClass().getSimpleName() + "): check the file.");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, secret);
                if (!(key instanceof PrivateKey privateKey)) {
                    continue;
                }
                List<X509Certificate> chain = new ArrayList<>();
                Certificate[] stored = store.getCertificateChain(alias);
                for (Certificate certificate : stored == null ? new Certificate[0] : stored) {
                    if (certificate instanceof X509Certificate x509) {
                        chain.add(x509);
                    }
                }
                if (chain.isEmpty()) {
                    throw new ConfigurationException(where + " has a key without its certificate: export both.");
                }
                return new ClientCredential.ClientCertificate(privateKey, chain, sendChain, origin);
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(where + "'s private key cannot be opened with "
                    + (password == null ? "no password" : "the password given")
                    + ": set " + passwordPlaces + " to its password.");
        }
        throw new ConfigurationException(where + " holds no private key: export the certificate with its key.");
    }

    private static X509Certificate x509(byte[] der, String where) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(where + " has a CERTIFICATE block that is not an X.509 certificate.");
        }
    }

    private static PrivateKey rsaKey(byte[] pkcs8, String where) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(where
                    + " has a private key that is not an RSA key: Microsoft Entra ID takes RSA certificates only.");
        }
    }

    /** The certificate that goes with the key first, then the others in file order. */
    private static List<X509Certificate> leafFirst(PrivateKey key, List<X509Certificate> certificates, String where) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            for (X509Certificate certificate : certificates) {
                if (certificate.getPublicKey() instanceof RSAPublicKey pub
                        && pub.getModulus().equals(rsa.getModulus())) {
                    List<X509Certificate> ordered = new ArrayList<>();
                    ordered.add(certificate);
                    certificates.stream().filter(c -> c != certificate).forEach(ordered::add);
                    return ordered;
                }
            }
            throw new ConfigurationException(
                    where + " has a private key that belongs to none of its certificates: check the file.");
        }
        return certificates;
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK reads. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {
            0x30,
            0x0d,
            0x06,
            0x09,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            0x01,
            0x01,
            0x01,
            0x05,
            0x00
        };
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        inner.writeBytes(algorithm);
        inner.write(0x04); // OCTET STRING
        inner.writeBytes(derLength(pkcs1.length));
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        outer.writeBytes(derLength(inner.size()));
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
