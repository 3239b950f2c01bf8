package io.backbench.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.TrustedPublisher;

/**
 * The plugin trust store {@code <home>/config/plugin-trust.p12}: a PKCS12 key store of trusted
 * certificates only. It holds nothing secret, so its password is a fixed, documented one
 * ({@value #PASSWORD}, so that keytool can read it too); what protects it is the config folder's
 * permissions. Reads the file on every call (another process may have changed it); writes replace
 * the file in one rename. Synchronized: one change at a time in this process.
 */
final class TrustStore {
    static final String FILE_NAME = "plugin-trust.p12";
    static final String PASSWORD = "backbench";

    private final Path file;

    TrustStore(Path configFolder) {
        this.file = configFolder.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    synchronized List<TrustedPublisher> list() throws PluginException {
        KeyStore ks = load();
        List<TrustedPublisher> list = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate x) {
                    list.add(describe(alias, x));
                }
            }
        } catch (GeneralSecurityException e) {
            throw broken(e);
        }
        list.sort((a, b) -> a.alias().compareTo(b.alias()));
        return list;
    }

    /** Whether one of the chain's certificates is trusted, or was issued (signed) by a trusted one. */
    synchronized boolean trusts(List<X509Certificate> chain) throws PluginException {
        if (!Files.exists(file) || chain.isEmpty()) {
            return false;
        }
        KeyStore ks = load();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (!(ks.getCertificate(alias) instanceof X509Certificate trusted)) {
                    continue;
                }
                for (X509Certificate c : chain) {
                    if (c.equals(trusted) || issuedBy(c, trusted)) {
                        return true;
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw broken(e);
        }
        return false;
    }

    synchronized List<TrustedPublisher> add(Path certificateFile) throws PluginException {
        Collection<? extends Certificate> certs;
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(certificateFile))) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new PluginException("cannot read " + certificateFile + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new PluginException(certificateFile + " is not an X.509 certificate (PEM or DER): " + e.getMessage()
                    + "; export the publisher's certificate, e.g. keytool -exportcert -rfc -alias NAME", e);
        }
        if (certs.isEmpty()) {
            throw new PluginException(certificateFile + " holds no certificate; give a PEM file with a "
                    + "-----BEGIN CERTIFICATE----- block");
        }
        KeyStore ks = Files.exists(file) ? load() : empty();
        List<TrustedPublisher> added = new ArrayList<>();
        try {
            for (Certificate c : certs) {
                X509Certificate x = (X509Certificate) c;
                String alias = ks.getCertificateAlias(x);
                if (alias == null) {
                    alias = fingerprint(x).replace(":", "").substring(0, 16).toLowerCase(Locale.ROOT);
                    ks.setCertificateEntry(alias, x);
                }
                added.add(describe(alias, x));
            }
        } catch (GeneralSecurityException e) {
            throw broken(e);
        }
        save(ks);
        return added;
    }

    synchronized void remove(String alias) throws PluginException {
        KeyStore ks = load();
        try {
            if (!ks.containsAlias(alias)) {
                throw new PluginException("the plugin trust store has no certificate '" + alias
                        + "'; 'backbench plugins trust list' shows the aliases");
            }
            ks.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw broken(e);
        }
        save(ks);
    }

    private KeyStore load() throws PluginException {
        if (!Files.exists(file)) {
            return empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new PluginException("cannot read the plugin trust store " + file + ": " + e.getMessage()
                    + "; it must be a PKCS12 file with password '" + PASSWORD + "'. Move it away and add the "
                    + "certificates again with 'backbench plugins trust add CERT.pem'", e);
        }
    }

    private static KeyStore empty() throws PluginException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new PluginException("this Java has no PKCS12 key stores: " + e, e);
        }
    }

    private void save(KeyStore ks) throws PluginException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, PASSWORD.toCharArray());
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new PluginException("cannot write the plugin trust store " + file + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        }
    }

    private static boolean issuedBy(X509Certificate c, X509Certificate issuer) {
        if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static TrustedPublisher describe(String alias, X509Certificate x) throws PluginException {
        return new TrustedPublisher(alias, x.getSubjectX500Principal().getName(), x.getIssuerX500Principal().getName(),
                fingerprint(x), x.getNotAfter().toInstant().toString());
    }

    static String fingerprint(X509Certificate x) throws PluginException {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(x.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new PluginException("cannot read a certificate: " + e.getMessage(), e);
        }
    }

    private PluginException broken(GeneralSecurityException e) {
        return new PluginException("the plugin trust store " + file + " cannot be used: " + e.getMessage(), e);
    }
}
