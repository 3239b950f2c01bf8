package io.backbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.Timestamp;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a jar's signature with the JDK's verifying {@link JarFile}: every entry but the manifest
 * and the signature files must be signed, all by the same signer, and no content may differ from
 * what was signed. Free of a framework: unit-tested with jars signed by the JDK's jarsigner.
 */
final class JarSignatures {

    enum Kind { SIGNED, UNSIGNED, PARTLY_SIGNED, MIXED_SIGNERS, TAMPERED }

    /**
     * The outcome. {@code chain} is the signer's certificate chain (signer first) when SIGNED;
     * {@code detail} names an unsigned entry, the other signer or what does not match;
     * {@code timestamped} is the time a timestamping authority vouches the signature was made at,
     * or null when the signature has no timestamp.
     */
    record Verdict(Kind kind, List<X509Certificate> chain, String detail, Instant timestamped) {
        Verdict {
            chain = List.copyOf(chain);
        }

        Verdict(Kind kind, List<X509Certificate> chain, String detail) {
            this(kind, chain, detail, null);
        }

        String signer() {
            return chain.isEmpty() ? "" : chain.get(0).getSubjectX500Principal().getName();
        }
    }

    private JarSignatures() {
    }

    static Verdict verify(Path jar) throws IOException {
        List<X509Certificate> signer = null;
        Instant timestamped = null;
        String unsigned = null;
        int signedEntries = 0;
        try (JarFile jf = new JarFile(jar.toFile(), true)) {
            byte[] buf = new byte[65536];
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = jf.getInputStream(e)) {
                    while (in.read(buf) >= 0) {
                        // reading to the end makes JarFile check the entry's digest
                    }
                }
                if (isSignatureFile(e.getName())) {
                    continue;
                }
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned = unsigned == null ? e.getName() : unsigned;
                    continue;
                }
                List<X509Certificate> chain = chain(signers[0]);
                if (signers.length > 1) {
                    return new Verdict(Kind.MIXED_SIGNERS, List.of(), e.getName() + " has " + signers.length + " signers");
                }
                if (signer == null) {
                    signer = chain;
                    Timestamp ts = signers[0].getTimestamp();
                    timestamped = ts == null ? null : ts.getTimestamp().toInstant();
                } else if (!signer.get(0).equals(chain.get(0))) {
                    return new Verdict(Kind.MIXED_SIGNERS, List.of(), e.getName() + " is signed by "
                            + chain.get(0).getSubjectX500Principal().getName() + ", other entries by "
                            + signer.get(0).getSubjectX500Principal().getName());
                }
                signedEntries++;
            }
        } catch (SecurityException e) {
            return new Verdict(Kind.TAMPERED, List.of(), e.getMessage());
        }
        if (signedEntries == 0) {
            return new Verdict(Kind.UNSIGNED, List.of(), "");
        }
        if (unsigned != null) {
            return new Verdict(Kind.PARTLY_SIGNED, List.of(), unsigned);
        }
        return new Verdict(Kind.SIGNED, signer, "", timestamped);
    }

    private static List<X509Certificate> chain(CodeSigner signer) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : signer.getSignerCertPath().getCertificates()) {
            if (c instanceof X509Certificate x) {
                chain.add(x);
            }
        }
        return chain;
    }

    /** The manifest and the files a signature consists of (META-INF/*.SF, .RSA, .DSA, .EC, SIG-*). */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', 9) >= 0) {
            return false;
        }
        String file = upper.substring(9);
        return file.equals("MANIFEST.MF") || file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA")
                || file.endsWith(".EC") || file.startsWith("SIG-");
    }
}
