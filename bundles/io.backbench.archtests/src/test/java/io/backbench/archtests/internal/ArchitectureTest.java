package io.backbench.archtests.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule table on the bundles as built: every jar of the reactor's bundle modules (copied to
 * {@code backbench.arch.bundles} by this module's pom).
 */
class ArchitectureTest {
    private static final String SELF = "io.backbench.archtests";

    @Test
    void everyBundleKeepsTheDependencyDirections() throws Exception {
        List<BundleFacts> bundles = new ArrayList<>();
        for (Path jar : jars()) {
            bundles.add(BundleFacts.read(jar));
        }
        assertTrue(bundles.size() > 10, "only " + bundles.size() + " bundles were read from " + bundlesDir());

        Checker.Result result = Checker.check(bundles, ArchitectureRules.RULES, ArchitectureRules.EXEMPTIONS);

        if (!result.passed()) {
            fail(result.report());
        }
    }

    @Test
    void everyBundleModuleIsChecked() throws Exception {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> folders = Files.list(Path.of(required("backbench.arch.modules")))) {
            folders.filter(f -> Files.isRegularFile(f.resolve("pom.xml")) && !f.getFileName().toString().equals(SELF))
                    .forEach(f -> modules.add(f.getFileName().toString()));
        }
        Set<String> checked = new TreeSet<>();
        for (Path jar : jars()) {
            checked.add(jar.getFileName().toString().replaceFirst("\\.jar$", ""));
        }
        Set<String> missing = new TreeSet<>(modules);
        missing.removeAll(checked);
        assertEquals(Set.of(), missing, "bundle modules the architecture test does not see: add each as a dependency "
                + "in bundles/" + SELF + "/pom.xml");
    }

    private static List<Path> jars() throws Exception {
        try (Stream<Path> files = Files.list(bundlesDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path bundlesDir() {
        Path dir = Path.of(required("backbench.arch.bundles"));
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(dir + " is missing: the bundles are copied there by this module's pom "
                    + "(maven-dependency-plugin, process-test-resources); run the test through Maven");
        }
        return dir;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + property + " is not set (see the surefire configuration in "
                    + "bundles/" + SELF + "/pom.xml)");
        }
        return value;
    }
}
