package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TargetTypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * {@link PluginManager#update} on the real framework: a newer jar of an installed plugin replaces it
 * without a restart; a jar that would not resolve is refused and the installed version stays; the
 * product's own bundles cannot be updated.
 */
class PluginUpdateIT {

    static final String SAMPLE_BSN = "io.backbench.sample.target";

    @TempDir
    Path temp;

    @AfterEach
    void restoreTheSecureDefault() throws Exception {
        PluginTrustFixture.allowUntrusted(false);
    }

    @Test
    void updateReplacesAPluginAndRefusesAJarThatWouldNotResolve() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        TargetTypes types = Framework.service(TargetTypes.class);
        PluginTrustFixture.allowUntrusted(true); // the sample plugin and its re-versioned copies are not signed
        Path sample = Path.of(Framework.property("backbench.itests.samplePlugin"));
        plugins.install(sample);
        try {
            Path newer = reversioned(sample, temp.resolve("sample-0.2.0.jar"), "0.2.0", null);
            PluginInfo updated = plugins.update(SAMPLE_BSN, newer);
            assertEquals("0.2.0", updated.version(), updated.toString());
            assertEquals("0.2.0", bundle().getVersion().toString());
            assertTrue(Framework.within(PluginFolderIT.PLUGIN_WAIT, () -> types.find(PluginFolderIT.SAMPLE).isPresent()),
                    "type sample is gone after the update");

            Path broken = reversioned(sample, temp.resolve("sample-0.3.0.jar"), "0.3.0",
                    PluginInstallIT.MISSING_PACKAGE + ";version=\"[1.0,2)\"");
            Map<Long, String> before = Framework.bundleSnapshot();
            byte[] installedJar = Files.readAllBytes(plugins.pluginFolder().resolve(SAMPLE_BSN + ".jar"));
            PluginException e = assertThrows(PluginException.class, () -> plugins.update(SAMPLE_BSN, broken));
            assertTrue(e.getMessage().contains(PluginInstallIT.MISSING_PACKAGE), e.getMessage());
            assertEquals(before, Framework.bundleSnapshot(), "a refused update changed the bundles");
            assertArrayEquals(installedJar, Files.readAllBytes(plugins.pluginFolder().resolve(SAMPLE_BSN + ".jar")),
                    "a refused update changed the plugin's jar");

            PluginException product = assertThrows(PluginException.class,
                    () -> plugins.update("io.backbench.core", newer));
            // under bnd's launcher the product's bundles are not in feature folders: "not a plugin"
            assertTrue(product.getMessage().contains("only plugins"), product.getMessage());
        } finally {
            plugins.uninstall(SAMPLE_BSN);
        }
        assertTrue(Framework.within(PluginFolderIT.PLUGIN_WAIT, () -> types.find(PluginFolderIT.SAMPLE).isEmpty()),
                "type sample is still there after the uninstall");
    }

    private static Bundle bundle() {
        for (Bundle b : Framework.context().getBundles()) {
            if (SAMPLE_BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(SAMPLE_BSN + " is not installed; bundles: " + Framework.bundleStates());
    }

    /** A copy of {@code jar} with another Bundle-Version and, if given, one more imported package. */
    static Path reversioned(Path jar, Path copy, String version, String extraImport) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream jin = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jin.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            if (extraImport != null) {
                String imports = manifest.getMainAttributes().getValue("Import-Package");
                manifest.getMainAttributes().putValue("Import-Package",
                        imports == null ? extraImport : extraImport + "," + imports);
            }
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream jout = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = jin.getNextJarEntry(); entry != null; entry = jin.getNextJarEntry()) {
                    jout.putNextEntry(new JarEntry(entry.getName()));
                    jin.transferTo(jout);
                    jout.closeEntry();
                }
            }
        }
        return copy;
    }
}
