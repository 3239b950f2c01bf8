package io.backbench.ui.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/** The Eclipse UI bundles run on Felix through the org.eclipse.osgi shim (STACK.md pitfall 1). */
class UiBundlesIT {

    @Test
    void eclipseBundlesAreActiveOnFelixThroughTheShim() {
        for (String bsn : List.of("org.eclipse.osgi", "org.eclipse.equinox.common", "org.eclipse.core.commands",
                "org.eclipse.jface", "org.eclipse.swt", "io.backbench.ui.api", "io.backbench.ui.workbench")) {
            Bundle b = Osgi.bundle(bsn).orElseThrow(() -> new AssertionError(bsn + " is not installed"));
            Ui.waitUntil(bsn + " to be ACTIVE", () -> b.getState() == Bundle.ACTIVE);
        }
        Bundle fragment = Osgi.bundle("org.eclipse.swt.gtk.linux.x86_64").orElseThrow();
        assertEquals(Bundle.RESOLVED, fragment.getState(), "the SWT fragment is attached, not started");
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
