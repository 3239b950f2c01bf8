package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The built plugin jar in a real Felix framework with the product's own bundles (the runtime and
 * core features, read from features/*.bndrun): it resolves with what the product has, its target
 * type works inside the framework (the embedded sshd, its class loading and threads), and its
 * settings page is registered only where the workbench's packages are.
 */
class SftpBundleInFelixIT {
    private static final String FACTORY = "io.backbench.target.api.TargetFactory";
    private static final String PAGE = "io.backbench.ui.api.TargetSettingsPage";
    private static final String SFTP = "(backbench.target.type=sftp)";

    @TempDir
    Path dir;

    private static Path pluginJar() {
        Path jar = Path.of(FelixRig.property("backbench.sftp.bundle"));
        assertTrue(Files.isRegularFile(jar), "the plugin jar is not built: " + jar);
        return jar;
    }

    @Test
    void headlessTheBundleResolvesAndItsTargetWorksWithoutTheUi() throws Exception {
        try (FelixRig rig = new FelixRig(dir); SftpServer server = new SftpServer(dir.resolve("served"), dir.resolve("hk"))) {
            List<Bundle> product = rig.installFeatures("runtime", "core");
            Bundle plugin = rig.install(pluginJar());
            rig.resolveAll();
            FelixRig.startAll(product);
            plugin.start();
            assertEquals(Bundle.ACTIVE, plugin.getState());

            ServiceReference<?> ref = rig.awaitService(FACTORY, SFTP);
            assertEquals(plugin, ref.getBundle());
            assertNull(rig.context().getAllServiceReferences(PAGE, null), "headless, no settings page may be registered");
            assertTrue(List.of(plugin.adapt(org.osgi.framework.wiring.BundleWiring.class)
                    .getRequiredWires("osgi.wiring.package")).stream().flatMap(List::stream)
                    .noneMatch(w -> String.valueOf(w.getCapability().getAttributes().get("osgi.wiring.package"))
                            .startsWith("org.eclipse")), "headless, nothing of SWT may be wired");

            roundTrip(rig, ref, server.passwordSettings("/inside-felix"), "config");
            assertTrue(Files.isRegularFile(server.root.resolve("inside-felix/config")));
        }
    }

    @Test
    void withTheWorkbenchInstalledTheSettingsPageIsRegisteredForItsType() throws Exception {
        try (FelixRig rig = new FelixRig(dir)) {
            List<Bundle> product = rig.installFeatures("runtime", "core");
            rig.installFeatures("ui"); // installed and resolved, not started: no window here
            Bundle plugin = rig.install(pluginJar());
            rig.resolveAll();
            FelixRig.startAll(product);
            plugin.start();
            rig.awaitService(FACTORY, SFTP);
            ServiceReference<?> page = rig.awaitService(PAGE, SFTP);
            assertEquals(plugin, page.getBundle());
            assertEquals("sftp", page.getProperty("backbench.target.type"));
        }
    }

    /**
     * What the product's UI test does: an SFTP server inside the framework from the sshd-osgi and
     * sshd-sftp bundles (with slf4j 1.7's API and no-op binding as bundles), and the plugin's
     * target writing to it.
     */
    @Test
    void anSftpServerFromSshdBundlesRunsInsideTheFrameworkAndThePluginWritesToIt() throws Exception {
        try (FelixRig rig = new FelixRig(dir)) {
            List<Bundle> product = rig.installFeatures("runtime", "core");
            Path slf4j = Path.of(FelixRig.property("backbench.sftp.slf4j1"));
            List<Bundle> server = List.of(rig.install(slf4j.resolve("slf4j-api-1.7.36.jar")),
                    rig.install(slf4j.resolve("slf4j-nop-1.7.36.jar")),
                    rig.install(jar("sshd-osgi")), rig.install(jar("sshd-sftp")));
            Bundle plugin = rig.install(pluginJar());
            rig.resolveAll();
            FelixRig.startAll(product);
            FelixRig.startAll(server);
            plugin.start();

            Path root = Files.createDirectories(dir.resolve("served-in-felix"));
            try (InFrameworkSftpServer sshd = InFrameworkSftpServer.start(rig.bundle("org.apache.sshd.osgi"),
                    rig.bundle("org.apache.sshd.sftp"), root, dir.resolve("hk"))) {
                ServiceReference<?> ref = rig.awaitService(FACTORY, SFTP);
                Map<String, String> s = new java.util.LinkedHashMap<>();
                s.put("host", "127.0.0.1");
                s.put("port", String.valueOf(sshd.port()));
                s.put("user", InFrameworkSftpServer.USER);
                s.put("password", InFrameworkSftpServer.PASSWORD);
                s.put("path", "/repo");
                s.put("host_key", sshd.fingerprint());
                roundTrip(rig, ref, s, "data/ab/abcdef");
                assertTrue(Files.isRegularFile(root.resolve("repo/data/ab/abcdef")));
            }
        }
    }

    private static Path jar(String artifact) throws Exception {
        try (var files = Files.list(Path.of(FelixRig.property("backbench.sftp.felixBundles")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(artifact + "-")).findFirst().orElseThrow();
        }
    }

    /** Opens a target through the framework's factory service and puts, gets and lists one object. */
    private static void roundTrip(FelixRig rig, ServiceReference<?> ref, Map<String, String> settings, String key)
            throws Exception {
        Bundle api = rig.bundle("io.backbench.target.api");
        Object factory = rig.context().getService(ref);
        Object targetSettings = FelixRig.call(api.loadClass("io.backbench.target.api.TargetSettings"), "of", settings);
        Object target = FelixRig.call(factory, "open", targetSettings);
        try {
            byte[] data = new byte[300_000];
            new java.util.SplittableRandom(5).nextBytes(data);
            FelixRig.call(target, "put", key, data);
            try (InputStream in = (InputStream) FelixRig.call(target, "get", key)) {
                assertArrayEquals(data, in.readAllBytes());
            }
        } finally {
            FelixRig.call(target, "close");
            rig.context().ungetService(ref);
        }
    }
}
