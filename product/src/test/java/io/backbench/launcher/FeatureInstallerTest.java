package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** Installs feature folders into a real Felix framework. */
class FeatureInstallerTest {

    @TempDir
    Path product;

    @TempDir
    Path storage;

    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void uiFeatureIsLeftOutUnlessAsked() throws Exception {
        Files.createDirectories(product.resolve("bundle/core"));
        Files.createDirectories(product.resolve("bundle/ui"));
        Files.createDirectories(product.resolve("bundle/runtime"));

        assertEquals(List.of(product.resolve("bundle/core"), product.resolve("bundle/runtime")),
                FeatureInstaller.featureFolders(product, false));
        assertEquals(3, FeatureInstaller.featureFolders(product, true).size());
    }

    @Test
    void aBundleThatCannotStartIsReportedByNameAndReasonAndTheOthersStart() throws Exception {
        Path core = Files.createDirectories(product.resolve("bundle/core"));
        bundle(core.resolve("good.jar"), "test.good", null);
        bundle(core.resolve("broken.jar"), "test.broken", "com.example.missing");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        FeatureInstaller installer = new FeatureInstaller(framework.getBundleContext(),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        List<Bundle> bundles = installer.install(FeatureInstaller.featureFolders(product, false));
        framework.start();
        installer.start(bundles);

        assertEquals(2, bundles.size());
        Bundle good = bundles.stream().filter(b -> b.getSymbolicName().equals("test.good")).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, good.getState());
        assertEquals("reference:" + core.resolve("good.jar").toUri(), good.getLocation(), "installed in place");
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(storage)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".jar")), "no copy of a jar in the framework storage");
        }
        String report = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, installer.failures().size(), report);
        assertTrue(report.contains("test.broken") && report.contains("com.example.missing"), report);
    }

    @Test
    void aFileThatIsNotABundleIsReportedAndSkipped() throws Exception {
        Path core = Files.createDirectories(product.resolve("bundle/core"));
        Files.writeString(core.resolve("junk.jar"), "not a jar");
        bundle(core.resolve("good.jar"), "test.good", null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        FeatureInstaller installer = new FeatureInstaller(framework.getBundleContext(),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        List<Bundle> bundles = installer.install(FeatureInstaller.featureFolders(product, false));

        assertEquals(1, bundles.size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("junk.jar"), err.toString(StandardCharsets.UTF_8));
    }

    private static void bundle(Path jar, String symbolicName, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        if (importPackage != null) {
            main.putValue("Import-Package", importPackage);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
    }
}
