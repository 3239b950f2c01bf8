package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that cannot work is refused with a message naming why, and nothing changes. */
class PluginInstallIT {

    static final String MISSING_PACKAGE = "com.example.nobody.exports.this";

    @TempDir
    Path temp;

    @Test
    void installingAFileThatIsNotAJarIsRefusedAndChangesNothing() throws Exception {
        Path notAJar = temp.resolve("notes.jar");
        Files.writeString(notAJar, "these are notes, not a bundle\n");

        PluginException e = refused(notAJar);

        assertTrue(e.getMessage().contains("notes.jar"), "the message should name the file: " + e.getMessage());
    }

    @AfterEach
    void restoreTheSecureDefault() throws Exception {
        PluginTrustFixture.allowUntrusted(false);
    }

    @Test
    void installingABundleWithAnUnresolvableImportIsRefusedNamingThePackage() throws Exception {
        PluginTrustFixture.allowUntrusted(true); // so that the resolution is what refuses it
        Path jar = bundleImporting(temp.resolve("needs-nothing-exported.jar"), "io.backbench.itests.unresolvable",
                MISSING_PACKAGE);

        PluginException e = refused(jar);

        assertTrue(e.getMessage().contains(MISSING_PACKAGE),
                "the message should name the missing package: " + e.getMessage());
    }

    @Test
    void anUnsignedPluginIsRefusedByDefaultSayingWhyAndHowToAllowIt() throws Exception {
        Path jar = PluginTrustFixture.bundle(temp.resolve("unsigned.jar"), "io.backbench.itests.unsigned", "1.0.0", Map.of());

        PluginException e = refused(jar);

        assertTrue(e.getMessage().contains("io.backbench.itests.unsigned 1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("it is not signed"), e.getMessage());
        assertTrue(e.getMessage().contains("Preferences > Plugins"), e.getMessage());
    }

    @Test
    void aPluginSignedByATrustedPublisherIsInstalledAndByAnUntrustedOneRefused() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        Path trustedPem = PluginTrustFixture.newSigner(temp, "itest-publisher");
        PluginTrustFixture.newSigner(temp, "stranger");
        Path byStranger = PluginTrustFixture.sign(PluginTrustFixture.bundle(temp.resolve("stranger.jar"),
                "io.backbench.itests.stranger", "1.0.0", Map.of()), temp, "stranger");
        Path byPublisher = PluginTrustFixture.sign(PluginTrustFixture.bundle(temp.resolve("published.jar"),
                "io.backbench.itests.published", "1.0.0", Map.of()), temp, "itest-publisher");
        String alias = plugins.trust(trustedPem).get(0).alias();
        try {
            PluginException e = refused(byStranger);
            assertTrue(e.getMessage().contains("CN=stranger"), e.getMessage());
            assertTrue(e.getMessage().contains("not in the plugin trust store"), e.getMessage());

            PluginInfo installed = plugins.install(byPublisher);

            assertEquals("ACTIVE", installed.state(), installed.toString());
            plugins.uninstall("io.backbench.itests.published");
        } finally {
            plugins.distrust(alias);
        }
    }

    /** Installs, expects a PluginException, and checks that bundles and plugins folder are unchanged. */
    private static PluginException refused(Path jar) throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        Map<Long, String> bundlesBefore = Framework.bundleSnapshot();
        List<String> folderBefore = listing(plugins.pluginFolder());

        PluginException e = assertThrows(PluginException.class, () -> plugins.install(jar),
                "installing " + jar.getFileName() + " should be refused");

        assertEquals(bundlesBefore, Framework.bundleSnapshot(), "the installed bundles changed");
        assertEquals(folderBefore, listing(plugins.pluginFolder()), "the plugins folder changed");
        // the folder watcher polls every second: nothing may arrive late either
        Thread.sleep(2500);
        assertEquals(bundlesBefore, Framework.bundleSnapshot(), "the installed bundles changed afterwards");
        assertEquals(folderBefore, listing(plugins.pluginFolder()), "the plugins folder changed afterwards");
        return e;
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** A valid bundle whose only requirement is a package that no bundle exports. */
    static Path bundleImporting(Path jar, String symbolicName, String importedPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", importedPackage + ";version=\"[1.0,2)\"");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
            jarOut.write("needs a package nobody exports\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }
}
