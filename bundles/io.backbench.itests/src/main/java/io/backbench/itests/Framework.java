package io.backbench.itests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** The running framework as the tests see it: services, bundles, bounded waits. */
final class Framework {

    static final Duration SERVICE_WAIT = Duration.ofSeconds(20);

    private Framework() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Framework.class).getBundleContext();
    }

    /** A framework property (the bndrun's -runproperties); fails the test when it is missing. */
    static String property(String name) {
        String value = context().getProperty(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("framework property " + name + " is not set (see itests.bndrun)");
        }
        return value;
    }

    /** Waits for a service by class; fails naming it when it does not appear in time. */
    static <T> T service(Class<T> type) {
        return type.cast(serviceByName(type.getName()));
    }

    /** Waits for a service by objectClass name (for APIs this bundle does not import). */
    static Object serviceByName(String objectClass) {
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(),
                    FrameworkUtil.createFilter("(objectClass=" + objectClass + ")"), null);
            tracker.open(true);
            Object service = tracker.waitForService(SERVICE_WAIT.toMillis());
            if (service == null) {
                throw new AssertionError("no " + objectClass + " service within " + SERVICE_WAIT.toSeconds()
                        + " s; bundles: " + bundleStates());
            }
            return service;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + objectClass, e);
        }
    }

    /** Polls {@code condition} every 100 ms; false when it did not hold within {@code timeout}. */
    static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Every bundle as "id bsn version STATE", for comparing before and after. */
    static Map<Long, String> bundleSnapshot() {
        return Arrays.stream(context().getBundles()).collect(Collectors.toMap(Bundle::getBundleId,
                b -> b.getSymbolicName() + " " + b.getVersion() + " " + stateName(b.getState()),
                (a, b) -> a, TreeMap::new));
    }

    static List<String> bundleStates() {
        return Arrays.stream(context().getBundles())
                .map(b -> b.getSymbolicName() + "=" + stateName(b.getState()))
                .collect(Collectors.toList());
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + state;
        }
    }
}
