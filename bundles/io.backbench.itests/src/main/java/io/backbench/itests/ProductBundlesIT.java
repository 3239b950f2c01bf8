package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.backbench.core.api.DataFolders;
import io.backbench.core.api.LogStore;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TargetTypes;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;

/** The product's headless bundles (features runtime, core and cloud) all resolve and start on Felix. */
class ProductBundlesIT {

    @Test
    void everyBundleOfTheRuntimeCoreAndCloudFeaturesIsActive() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String feature : List.of("runtime", "core", "cloud")) {
            for (String bsn : Features.bundles(feature)) {
                List<Bundle> found = Arrays.stream(Framework.context().getBundles())
                        .filter(b -> bsn.equals(b.getSymbolicName())).collect(Collectors.toList());
                if (found.isEmpty()) {
                    offenders.add(bsn + " (feature " + feature + "): not installed");
                }
                found.stream().filter(b -> !isRunning(b)).forEach(b -> offenders.add(describe(b)));
            }
        }
        assertTrue(offenders.isEmpty(), "bundles of the product that are not running:\n  "
                + String.join("\n  ", offenders));
    }

    @Test
    void noBundleInTheFrameworkIsLeftInstalled() {
        List<String> installed = Arrays.stream(Framework.context().getBundles())
                .filter(b -> b.getState() == Bundle.INSTALLED)
                .map(ProductBundlesIT::describe).collect(Collectors.toList());
        assertTrue(installed.isEmpty(), "unresolved bundles:\n  " + String.join("\n  ", installed));
    }

    @Test
    void coreServicesAndTheCommandLineAreRegistered() {
        // each call fails the test, naming the service, when it does not appear in time
        Framework.service(TargetTypes.class);
        Framework.service(PluginManager.class);
        Framework.service(LogStore.class);
        Framework.service(DataFolders.class);
        Framework.serviceByName(CommandLineClient.COMMAND_LINE);
    }

    @Test
    void dataFoldersFollowTheHomeTheLauncherSet() {
        DataFolders folders = Framework.service(DataFolders.class);
        assertEquals(java.nio.file.Path.of(Framework.property("backbench.home")).toAbsolutePath().normalize(),
                folders.home().toAbsolutePath().normalize());
        assertEquals(folders.home().resolve("plugins").normalize(), folders.plugins().toAbsolutePath().normalize());
    }

    private static boolean isRunning(Bundle bundle) {
        return isFragment(bundle) ? bundle.getState() == Bundle.RESOLVED : bundle.getState() == Bundle.ACTIVE;
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /** Names the bundle, its state and, for one left INSTALLED, why it does not resolve. */
    private static String describe(Bundle bundle) {
        String line = bundle.getSymbolicName() + " " + bundle.getVersion() + ": "
                + Framework.stateName(bundle.getState());
        if (bundle.getState() == Bundle.INSTALLED && !isFragment(bundle)) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
                line += " (started when asked again)";
            } catch (BundleException e) {
                line += " (" + e.getMessage() + ")";
            }
        }
        return line;
    }
}
