package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.Osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/** The Eclipse UI bundles run on Felix through the org.eclipse.osgi shim (STACK.md pitfall 1). */
class UiBundlesIT {

    private static final String SWT_FRAGMENT = "org.eclipse.swt.gtk.linux.x86_64";

    @Test
    void eclipseBundlesAreActiveOnFelixThroughTheShim() throws IOException {
        List<String> ui = uiFeature();
        assertTrue(ui.containsAll(List.of("org.eclipse.osgi", "org.eclipse.equinox.common", "org.eclipse.jface",
                "org.eclipse.swt", "org.eclipse.swt.gtk.linux.x86_64", "io.backbench.ui.workbench")), ui.toString());
        for (String bsn : ui) {
            if (bsn.equals(SWT_FRAGMENT)) {
                continue;
            }
            Bundle b = Osgi.bundle(bsn).orElseThrow(() -> new AssertionError(bsn + " is not installed"));
            Ui.waitUntil(bsn + " to be ACTIVE", () -> b.getState() == Bundle.ACTIVE);
        }
        Bundle fragment = Osgi.bundle(SWT_FRAGMENT).orElseThrow();
        assertEquals(Bundle.RESOLVED, fragment.getState(), "the SWT fragment is attached, not started");
    }

    @Test
    void noBundleOfTheWorkbenchIsLeftInstalled() {
        List<String> installed = Arrays.stream(Osgi.context().getBundles())
                .filter(b -> b.getState() == Bundle.INSTALLED)
                .map(b -> b.getSymbolicName() + " " + b.getVersion()).collect(Collectors.toList());
        assertEquals(List.of(), installed, "bundles that did not resolve");
    }

    /** The ui feature's bundles, from features/ui.bndrun: the list the product is assembled from. */
    private static List<String> uiFeature() throws IOException {
        Path file = Path.of(Osgi.property("backbench.uitests.features")).resolve("ui.bndrun");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        String list = properties.getProperty("-runbundles.ui");
        if (list == null) {
            throw new AssertionError(file + " has no -runbundles.ui list");
        }
        return Arrays.stream(list.split(",")).map(entry -> entry.split(";")[0].trim())
                .filter(bsn -> !bsn.isEmpty()).collect(Collectors.toList());
    }

    @Test
    void equinoxCommonSeesTheOneLogApiOfTheLogBundle() {
        List<String> exporters = java.util.Arrays.stream(Osgi.context().getBundles())
                .filter(b -> b.adapt(BundleWiring.class) != null)
                .filter(b -> b.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                        .anyMatch(c -> "org.osgi.service.log".equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))))
                .map(Bundle::getSymbolicName).collect(Collectors.toList());
        assertEquals(List.of("org.apache.felix.log"), exporters, "exactly one copy of org.osgi.service.log");

        Bundle common = Osgi.bundle("org.eclipse.equinox.common").orElseThrow();
        Ui.waitUntil("equinox.common to be ACTIVE", () -> common.getState() == Bundle.ACTIVE);
        try {
            Class<?> logService = common.loadClass("org.osgi.service.log.LogService");
            Bundle from = org.osgi.framework.FrameworkUtil.getBundle(logService);
            assertEquals("org.apache.felix.log", from.getSymbolicName());
            Class<?> safeRunner = common.loadClass("org.eclipse.core.runtime.SafeRunner");
            assertTrue(safeRunner.getName().endsWith("SafeRunner"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("equinox.common cannot load " + e.getMessage(), e);
        }
    }
}
