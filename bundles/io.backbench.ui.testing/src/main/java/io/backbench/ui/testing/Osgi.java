package io.backbench.ui.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The running framework as the tests see it: properties, services, bundles. */
public final class Osgi {

    public static final Duration SERVICE_WAIT = Duration.ofSeconds(30);

    private Osgi() {
    }

    public static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** A framework property from ui-itests.bndrun; fails the test when it is missing. */
    public static String property(String name) {
        String value = context().getProperty(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("framework property " + name + " is not set (see ui-itests.bndrun)");
        }
        return value;
    }

    public static <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(SERVICE_WAIT.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service within " + SERVICE_WAIT.toSeconds() + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getName(), e);
        }
    }

    public static Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /**
     * Runs {@code body} with a product bundle stopped (e.g. device discovery, to see a view's
     * empty state), and starts it again afterwards. Fails if the product has no such bundle.
     */
    public static void withBundleStopped(String symbolicName, Runnable body) {
        Bundle bundle = bundle(symbolicName)
                .orElseThrow(() -> new AssertionError("the product has no bundle " + symbolicName));
        try {
            bundle.stop();
        } catch (org.osgi.framework.BundleException e) {
            throw new AssertionError("cannot stop " + symbolicName, e);
        }
        try {
            body.run();
        } finally {
            try {
                bundle.start();
            } catch (org.osgi.framework.BundleException e) {
                throw new AssertionError("cannot start " + symbolicName + " again", e);
            }
        }
    }

    public static int bundleCount() {
        return context().getBundles().length;
    }
}
