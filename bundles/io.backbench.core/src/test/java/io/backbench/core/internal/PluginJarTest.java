package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import io.backbench.core.api.PluginException;

class PluginJarTest {
    @TempDir
    Path dir;

    @Test
    void readsSymbolicNameWithoutDirectivesVersionAndName() throws Exception {
        Path jar = jar("ok.jar", Map.of("Bundle-SymbolicName", "com.acme.foo;singleton:=true",
                "Bundle-Version", "1.2.3.beta", "Bundle-Name", "Acme Foo"));
        PluginJar pj = PluginJar.read(jar);
        assertEquals("com.acme.foo", pj.symbolicName());
        assertEquals(new Version(1, 2, 3, "beta"), pj.version());
        assertEquals("Acme Foo", pj.name());
        assertEquals("com.acme.foo 1.2.3.beta", pj.describe());
        assertTrue(PluginJar.isBundle(jar));
    }

    @Test
    void aMissingVersionIsZeroAndAMissingNameIsTheSymbolicName() throws Exception {
        PluginJar pj = PluginJar.read(jar("min.jar", Map.of("Bundle-SymbolicName", "com.acme.min")));
        assertEquals(Version.emptyVersion, pj.version());
        assertEquals("com.acme.min", pj.name());
    }

    @Test
    void aTextFileIsRefusedAsNotAJar() throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.jar"), "just some text, not a zip");
        assertMessage(txt, "is not an OSGi bundle: ", "jar (zip)");
        assertFalse(PluginJar.isBundle(txt));
    }

    @Test
    void aPlainJarWithoutSymbolicNameIsRefusedAndToldToWrapIt() throws Exception {
        assertMessage(jar("plain.jar", Map.of("Implementation-Title", "plain")), "is not an OSGi bundle: ", "Bundle-SymbolicName");
    }

    @Test
    void aZipWithoutManifestIsRefused() throws Exception {
        Path zip = dir.resolve("nomanifest.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("a/b.class"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        assertMessage(zip, "is not an OSGi bundle: ", "MANIFEST.MF");
    }

    @Test
    void anInvalidVersionIsRefusedWithTheVersionNamed() throws Exception {
        assertMessage(jar("badversion.jar", Map.of("Bundle-SymbolicName", "x", "Bundle-Version", "1.x")),
                "is not an OSGi bundle: ", "'1.x'");
    }

    @Test
    void aMissingFileOrAFolderIsRefusedWithTheReason() throws Exception {
        assertMessage(dir.resolve("absent.jar"), "is not an OSGi bundle: ", "no such file");
        assertMessage(dir, "is not an OSGi bundle: ", "folder");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertMessage(Files.createFile(dir.resolve("empty.jar")), "is not an OSGi bundle: ", "");
    }

    private void assertMessage(Path file, String... parts) {
        PluginException e = assertThrows(PluginException.class, () -> PluginJar.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    private Path jar(String name, Map<String, String> headers) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new ZipEntry("readme.txt"));
            j.write("hello".getBytes());
            j.closeEntry();
        }
        return jar;
    }
}
