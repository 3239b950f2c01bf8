package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.PluginException;

/** Signatures made by the JDK's jarsigner with keys made by keytool, checked against a real trust store. */
class JarSignaturesTest {
    @TempDir
    Path dir;

    private Path jar(String name) throws IOException {
        return TestBundles.bundle(dir.resolve(name + ".jar"), "com.acme." + name, "1.0.0", Map.of());
    }

    @Test
    void aJarSignedByOneSignerIsSignedWithItsChain() throws Exception {
        TestBundles.newSigner(dir, "acme");
        Path jar = jar("signed");
        TestBundles.sign(jar, dir, "acme");

        JarSignatures.Verdict v = JarSignatures.verify(jar);

        assertEquals(JarSignatures.Kind.SIGNED, v.kind(), v.detail());
        assertTrue(v.signer().contains("CN=acme"), v.signer());
    }

    @Test
    void aPlainJarIsUnsigned() throws Exception {
        assertEquals(JarSignatures.Kind.UNSIGNED, JarSignatures.verify(jar("plain")).kind());
    }

    @Test
    void anEntryAddedAfterSigningMakesItPartlySignedNamingTheEntry() throws Exception {
        TestBundles.newSigner(dir, "acme");
        Path jar = jar("extended");
        TestBundles.sign(jar, dir, "acme");
        Path extended = copyChanging(jar, dir.resolve("extended2.jar"), null, "evil.class");

        JarSignatures.Verdict v = JarSignatures.verify(extended);

        assertEquals(JarSignatures.Kind.PARTLY_SIGNED, v.kind());
        assertEquals("evil.class", v.detail());
    }

    @Test
    void aChangedEntryIsTampered() throws Exception {
        TestBundles.newSigner(dir, "acme");
        Path jar = jar("changed");
        TestBundles.sign(jar, dir, "acme");
        Path changed = copyChanging(jar, dir.resolve("changed2.jar"), "readme.txt", null);

        assertEquals(JarSignatures.Kind.TAMPERED, JarSignatures.verify(changed).kind());
    }

    @Test
    void thePolicyRefusesUnsignedAndUntrustedSayingHowToAllowAndAcceptsTrusted() throws Exception {
        Path acmePem = TestBundles.newSigner(dir, "acme");
        TestBundles.newSigner(dir, "stranger");
        Path plain = jar("plain");
        Path byAcme = jar("byacme");
        TestBundles.sign(byAcme, dir, "acme");
        Path byStranger = jar("bystranger");
        TestBundles.sign(byStranger, dir, "stranger");
        TrustStore trust = new TrustStore(dir.resolve("config"));
        PluginPolicy policy = new PluginPolicy(trust);

        PluginException unsigned = assertThrows(PluginException.class, () -> policy.check(plain, "com.acme.plain 1.0.0"));
        assertTrue(unsigned.getMessage().contains("it is not signed"), unsigned.getMessage());
        assertTrue(unsigned.getMessage().contains("Allow unsigned or untrusted plugins"), unsigned.getMessage());
        Optional<String> before = policy.refusal(byAcme);
        assertTrue(before.orElse("").contains("CN=acme") && before.get().contains("not in the plugin trust store"),
                before.toString());

        assertEquals(1, trust.add(acmePem).size());

        assertEquals(Optional.empty(), policy.refusal(byAcme), "trusted now (the cache notices the trust store change)");
        assertTrue(policy.refusal(byStranger).isPresent());
        assertEquals(1, trust.list().size());

        policy.allowUntrusted(true);
        assertEquals(Optional.empty(), policy.refusal(plain));
        assertEquals(Optional.empty(), policy.refusal(byStranger));
    }

    @Test
    void aTrustedSignerWhoseCertificateExpiredIsRefusedSayingWhenAndHowToGetAValidJar() throws Exception {
        Path pem = TestBundles.newSigner(dir, "expired", "-30d"); // valid for two days, 30 days ago
        Path jar = jar("byexpired");
        TestBundles.sign(jar, dir, "expired");
        TrustStore trust = new TrustStore(dir.resolve("config"));
        trust.add(pem);
        PluginPolicy policy = new PluginPolicy(trust);

        String why = policy.refusal(jar).orElseThrow();

        assertTrue(why.contains("CN=expired") && why.contains("expired on") && why.contains("no timestamp"), why);
        assertTrue(why.contains("jarsigner -tsa") && why.contains("Allow unsigned or untrusted plugins"), why);
    }

    @Test
    void aCertificateNotValidYetIsRefusedNamingTheClock() throws Exception {
        Path pem = TestBundles.newSigner(dir, "future", "+30d");
        Path jar = jar("byfuture");
        TestBundles.sign(jar, dir, "future");
        TrustStore trust = new TrustStore(dir.resolve("config"));
        trust.add(pem);

        String why = new PluginPolicy(trust).refusal(jar).orElseThrow();

        assertTrue(why.contains("valid only from") && why.contains("clock"), why);
    }

    @Test
    void aTimestampedSignatureIsJudgedAtItsTimestampNotNow() throws Exception {
        // a real certificate that expired 28 days ago; the timestamp a TSA would have added is set here
        TestBundles.newSigner(dir, "old", "-30d");
        Path jar = jar("byold");
        TestBundles.sign(jar, dir, "old");
        JarSignatures.Verdict signed = JarSignatures.verify(jar);
        assertEquals(null, signed.timestamped(), "jarsigner without -tsa adds no timestamp");
        X509Certificate cert = signed.chain().get(0);
        Instant now = Instant.now();

        Instant whileValid = cert.getNotBefore().toInstant().plusSeconds(3600);
        PluginPolicy.Decision ok = PluginPolicy.validity(withTimestamp(signed, whileValid), now);
        assertEquals(Optional.empty(), ok.refusal(), "signed while the certificate was valid: still good after it expired");
        assertEquals(null, ok.recheckAfter(), "and it stays good");

        Instant afterExpiry = cert.getNotAfter().toInstant().plusSeconds(3600);
        String why = PluginPolicy.validity(withTimestamp(signed, afterExpiry), now).refusal().orElseThrow();
        assertTrue(why.contains("had expired on") && why.contains("when the jar was signed"), why);

        PluginPolicy.Decision untimestamped = PluginPolicy.validity(signed, whileValid);
        assertEquals(Optional.empty(), untimestamped.refusal());
        assertEquals(cert.getNotAfter().toInstant(), untimestamped.recheckAfter(), "looked at again when it expires");
    }

    private static JarSignatures.Verdict withTimestamp(JarSignatures.Verdict v, Instant at) {
        return new JarSignatures.Verdict(v.kind(), v.chain(), v.detail(), at);
    }

    @Test
    void aCertificateCanBeRemovedByAliasAndAnUnknownAliasIsNamed() throws Exception {
        Path pem = TestBundles.newSigner(dir, "acme");
        TrustStore trust = new TrustStore(dir.resolve("config"));
        String alias = trust.add(pem).get(0).alias();
        assertEquals(trust.add(pem).get(0).alias(), alias, "adding it again keeps one entry");

        trust.remove(alias);

        assertEquals(0, trust.list().size());
        PluginException e = assertThrows(PluginException.class, () -> trust.remove("nobody"));
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
    }

    @Test
    void aFileThatIsNotACertificateIsRefusedSayingHowToExportOne() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.pem"), "hello");
        PluginException e = assertThrows(PluginException.class, () -> new TrustStore(dir).add(notes));
        assertTrue(e.getMessage().contains("not an X.509 certificate"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(TrustStore.FILE_NAME)), "nothing was written");
    }

    /** A copy of {@code jar} with {@code change}'s content altered and/or an entry {@code add} added. */
    private static Path copyChanging(Path jar, Path copy, String change, String add) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    byte[] data = is.readAllBytes();
                    if (e.getName().equals(change)) {
                        data = "changed after signing\n".getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(data);
                }
                out.closeEntry();
            }
            if (add != null) {
                out.putNextEntry(new ZipEntry(add));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        return copy;
    }
}
