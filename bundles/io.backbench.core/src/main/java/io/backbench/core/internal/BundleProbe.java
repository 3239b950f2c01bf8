package io.backbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

import io.backbench.core.api.PluginException;

/**
 * Checks that a jar resolves against what is installed, without keeping it: installs a copy from a
 * stream under a throw-away location (the framework runs with bsnversion=multiple, so the copy may
 * sit beside an installed older version), tries to resolve it, names what is missing, and always
 * uninstalls the copy and refreshes so the framework is as before. Runs on the caller's thread.
 */
final class BundleProbe {
    static final String LOCATION_PREFIX = "backbench-probe:";

    private final BundleContext context;

    BundleProbe(BundleContext context) {
        this.context = context;
    }

    /** What an install of {@code jar} is called in a refusal: "install com.acme.foo 1.0.0". */
    static String installing(PluginJar jar) {
        return "install " + jar.describe();
    }

    /** What an update to {@code jar} is called in a refusal: "update com.acme.foo to 2.0.0". */
    static String updating(PluginJar jar) {
        return "update " + jar.symbolicName() + " to " + jar.version();
    }

    /**
     * Throws, saying "cannot {@code change}: why", if {@code jar} is refused.
     *
     * @param change {@link #installing} or {@link #updating} the jar
     */
    void check(PluginJar jar, String change) throws PluginException {
        checkAll(List.of(jar), change);
    }

    /**
     * Like {@link #check}, for bundles that are installed together (a plugin and the bundles it
     * needs): they are probe-installed side by side and must resolve together.
     */
    void checkAll(List<PluginJar> jars, String change) throws PluginException {
        List<Bundle> probes = new ArrayList<>();
        try {
            for (PluginJar jar : jars) {
                try (InputStream in = Files.newInputStream(jar.file())) {
                    probes.add(context.installBundle(LOCATION_PREFIX + jar.symbolicName() + ":" + UUID.randomUUID(), in));
                } catch (BundleException e) {
                    throw new PluginException("cannot " + change + ": the framework refused " + jar.describe() + ": "
                            + e.getMessage(), e);
                } catch (IOException e) {
                    throw new PluginException("cannot read " + jar.file() + ": " + e.getMessage(), e);
                }
            }
            FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            List<Bundle> hosts = probes.stream().filter(b -> !isFragment(b)).toList();
            if (hosts.isEmpty() || wiring.resolveBundles(hosts)) {
                return;
            }
            List<String> missing = new ArrayList<>();
            for (Bundle probe : hosts) {
                if (probe.getState() != Bundle.INSTALLED) {
                    continue;
                }
                for (String m : missingRequirements(probe, wiring)) {
                    String line = probes.size() == 1 ? m : m + " (needed by " + probe.getSymbolicName() + ")";
                    if (!missing.contains(line)) {
                        missing.add(line);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new PluginException("cannot " + change + ": missing " + String.join(", ", missing)
                        + " - install the plugin that provides " + (missing.size() == 1 ? "it" : "them") + " first");
            }
            Bundle stuck = hosts.stream().filter(b -> b.getState() == Bundle.INSTALLED).findFirst().orElse(hosts.get(0));
            throw new PluginException("cannot " + change + ": it does not resolve: " + resolverMessage(stuck)
                    + " - install the plugins it needs first");
        } finally {
            discard(probes);
        }
    }

    /** The mandatory requirements of the probe that nothing installed (but the probe) provides. */
    private static List<String> missingRequirements(Bundle probe, FrameworkWiring wiring) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = probe.adapt(BundleRevision.class);
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            String resolution = req.getDirectives().get(Constants.RESOLUTION_DIRECTIVE);
            String effective = req.getDirectives().get(Constants.EFFECTIVE_DIRECTIVE);
            if (Constants.RESOLUTION_OPTIONAL.equals(resolution) || "dynamic".equals(resolution)
                    || (effective != null && !Constants.EFFECTIVE_RESOLVE.equals(effective))) {
                continue;
            }
            boolean provided = false;
            for (BundleCapability cap : wiring.findProviders(req)) {
                if (cap.getRevision().getBundle().getBundleId() != probe.getBundleId()) {
                    provided = true;
                    break;
                }
            }
            if (!provided) {
                missing.add(RequirementText.describe(req.getNamespace(), req.getDirectives().get(Constants.FILTER_DIRECTIVE)));
            }
        }
        return missing;
    }

    /** The framework's own explanation, from a start attempt (which cannot succeed: it did not resolve). */
    private static String resolverMessage(Bundle probe) {
        try {
            probe.start(Bundle.START_TRANSIENT);
            return "the framework gave no reason";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private void discard(List<Bundle> probes) {
        if (probes.isEmpty()) {
            return;
        }
        for (Bundle probe : probes) {
            try {
                probe.uninstall();
            } catch (BundleException | IllegalStateException e) {
                // already gone
            }
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(probes, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        try {
            refreshed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
