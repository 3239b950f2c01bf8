package io.backbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs the jars of {@code <product>/bundle/<feature>/} with the jar's file URI as location (so a
 * bundle's feature is its folder's name) and starts them. A bundle that cannot be installed or
 * started is reported on stderr, naming it and the reason, and the others go on.
 */
final class FeatureInstaller {

    /** The feature that holds the workbench; not started in headless and CLI modes. */
    static final String UI_FEATURE = "ui";

    private final BundleContext context;
    private final PrintStream err;
    private final List<String> failures = new ArrayList<>();

    FeatureInstaller(BundleContext context, PrintStream err) {
        this.context = context;
        this.err = err;
    }

    /** The feature folders to install, in name order, without {@code ui} unless {@code withUi}. */
    static List<Path> featureFolders(Path productDir, boolean withUi) throws IOException {
        Path bundles = productDir.resolve("bundle");
        if (!Files.isDirectory(bundles)) {
            throw new IOException("the product has no bundle folder: " + bundles
                    + " (build it with 'mvn install' or run releng/backbench)");
        }
        try (Stream<Path> folders = Files.list(bundles)) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> withUi || !f.getFileName().toString().equals(UI_FEATURE))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Installs every jar of the folders; returns the bundles that were installed. */
    List<Bundle> install(List<Path> featureFolders) throws IOException {
        List<Bundle> installed = new ArrayList<>();
        for (Path folder : featureFolders) {
            List<Path> jars;
            try (Stream<Path> files = Files.list(folder)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                        .collect(Collectors.toList());
            }
            for (Path jar : jars) {
                // in place ("reference:"): Felix would otherwise copy every jar (12 MB for a command)
                // into this process's framework storage at every start
                String location = "reference:" + jar.toUri();
                try {
                    installed.add(context.installBundle(location));
                } catch (BundleException | RuntimeException e) {
                    fail("bundle " + jar.getFileName() + " (feature " + folder.getFileName()
                            + ") could not be installed: " + e.getMessage());
                }
            }
        }
        return installed;
    }

    /** Resolves all together, then starts every bundle that is not a fragment. */
    void start(List<Bundle> bundles) {
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        for (Bundle bundle : bundles) {
            if (isFragment(bundle)) {
                if (bundle.getState() != Bundle.RESOLVED) {
                    fail("fragment " + describe(bundle) + " did not resolve (is its host installed?)");
                }
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                fail("bundle " + describe(bundle) + " did not start: " + e.getMessage());
            }
        }
    }

    /** The problems reported so far, one line each. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
    }

    private void fail(String line) {
        failures.add(line);
        err.println("backbench: " + line);
    }
}
