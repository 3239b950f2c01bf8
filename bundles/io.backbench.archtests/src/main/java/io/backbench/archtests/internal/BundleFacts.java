package io.backbench.archtests.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the architecture rules look at in one built bundle.
 *
 * @param symbolicName Bundle-SymbolicName without directives
 * @param imports      the packages of Import-Package
 * @param exports      the packages of Export-Package
 * @param contains     the packages that have classes in the jar itself (not in embedded jars)
 */
record BundleFacts(String symbolicName, List<String> imports, List<String> exports, Set<String> contains) {

    BundleFacts {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        contains = Set.copyOf(contains);
    }

    /** Made-up facts, for tests of the rules: a bundle that holds the packages it exports. */
    static BundleFacts of(String symbolicName, List<String> imports, List<String> exports, List<String> privatePackages) {
        Set<String> contains = new TreeSet<>(exports);
        contains.addAll(privatePackages);
        return new BundleFacts(symbolicName, imports, exports, contains);
    }

    static BundleFacts read(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                throw new IOException(jar + " has no manifest");
            }
            Attributes main = file.getManifest().getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName");
            if (bsn == null || bsn.isBlank()) {
                throw new IOException(jar + " is not a bundle: no Bundle-SymbolicName");
            }
            Set<String> contains = new TreeSet<>();
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/") && !name.startsWith("OSGI-OPT/")) {
                    contains.add(name.substring(0, slash).replace('/', '.'));
                }
            }
            return new BundleFacts(Headers.split(bsn, ';').get(0).trim(), Headers.packages(main.getValue("Import-Package")),
                    Headers.packages(main.getValue("Export-Package")), contains);
        }
    }

    /** Whether this bundle exports {@code pkg} itself (bnd imports what a bundle exports: that is no dependency). */
    boolean exportsItself(String pkg) {
        return exports.contains(pkg);
    }
}
