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
