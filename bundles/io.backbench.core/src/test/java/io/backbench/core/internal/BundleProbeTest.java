package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

import io.backbench.core.api.PluginException;

/** The resolve check, in a real (empty) Felix framework. */
class BundleProbeTest {
    @TempDir
    Path dir;

    private Framework framework;
    private BundleProbe probe;

    @BeforeEach
    void startFramework() throws Exception {
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("storage").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE));
        framework.start();
        probe = new BundleProbe(framework.getBundleContext());
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aRefusedUpdateSaysUpdateNamingTheNewVersion() throws Exception {
        PluginJar jar = PluginJar.read(bundle("foo-2.jar", "com.acme.foo", "2.0.0", "com.acme.missing;version=\"[1,2)\""));

        PluginException e = assertThrows(PluginException.class, () -> probe.check(jar, BundleProbe.updating(jar)));

        assertTrue(e.getMessage().startsWith("cannot update com.acme.foo to 2.0.0: missing "), e.getMessage());
        assertTrue(e.getMessage().contains("com.acme.missing"), e.getMessage());
    }

    @Test
    void aRefusedInstallSaysInstallNamingTheVersion() throws Exception {
        PluginJar jar = PluginJar.read(bundle("foo-1.jar", "com.acme.foo", "1.0.0", "com.acme.missing"));

        PluginException e = assertThrows(PluginException.class, () -> probe.check(jar, BundleProbe.installing(jar)));

        assertTrue(e.getMessage().startsWith("cannot install com.acme.foo 1.0.0: missing "), e.getMessage());
    }

    @Test
    void theCheckLeavesTheFrameworkAsItWas() throws Exception {
        int before = framework.getBundleContext().getBundles().length;
        PluginJar refused = PluginJar.read(bundle("bad.jar", "com.acme.bad", "1.0.0", "com.acme.missing"));
        PluginJar accepted = PluginJar.read(bundle("good.jar", "com.acme.good", "1.0.0", "org.osgi.framework"));

        assertThrows(PluginException.class, () -> probe.check(refused, BundleProbe.installing(refused)));
        probe.check(accepted, BundleProbe.installing(accepted));

        assertEquals(before, framework.getBundleContext().getBundles().length);
    }

    private Path bundle(String file, String symbolicName, String version, String imports) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        a.putValue(Constants.BUNDLE_VERSION, version);
        a.putValue(Constants.IMPORT_PACKAGE, imports);
        Path jar = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jout = new JarOutputStream(out, m)) {
            jout.flush();
        }
        return jar;
    }
}
