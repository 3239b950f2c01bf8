package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A real Felix framework with the product's bundles, for the in-framework tests: the bundles of
 * the features named (read from features/*.bndrun, the product's own lists), the framework
 * properties the launcher sets, and helpers that call bundles' services by reflection (their
 * classes are the framework's, not the test's).
 */
final class FelixRig implements AutoCloseable {
    final Framework framework;
    final Path home;
    private final Map<String, Path> jars;

    FelixRig(Path dir) throws Exception {
        this.home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        this.jars = bundlesByName(Path.of(property("backbench.sftp.felixBundles")));
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, dir.resolve("framework").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("backbench.home", home.toString());
        props.put("backbench.mode", "headless");
        props.put("backbench.product.dir", Files.createDirectories(dir.resolve("product")).toString());
        props.put("backbench.version", "0.0.0.test");
        props.put("felix.cm.dir", home.resolve("config/cm").toString());
        props.put("felix.fileinstall.dir", home.resolve("plugins").toString());
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("org.osgi.framework.bsnversion", "multiple");
        props.put("ds.loglevel", "warn");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(props);
        framework.start();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs the bundles of the named features (runtime, core, ui), in the features' order. */
    List<Bundle> installFeatures(String... features) throws Exception {
        List<Bundle> installed = new ArrayList<>();
        for (String feature : features) {
            for (String bsn : featureBundles(feature)) {
                Path jar = jars.get(bsn);
                assertNotNull(jar, "no jar for " + bsn + " (feature " + feature + ") in " + property("backbench.sftp.felixBundles"));
                installed.add(install(jar));
            }
        }
        return installed;
    }

    Bundle install(Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return context().installBundle(jar.toUri().toString(), in);
        }
    }

    /** Resolves every installed bundle; fails naming those that do not resolve. */
    void resolveAll() {
        Bundle[] all = context().getBundles();
        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(all));
        List<String> unresolved = new ArrayList<>();
        for (Bundle b : all) {
            if (b.getState() == Bundle.INSTALLED) {
                unresolved.add(b.getSymbolicName());
            }
        }
        assertTrue(unresolved.isEmpty(), "bundles that do not resolve: " + unresolved);
    }

    static void startAll(List<Bundle> bundles) throws Exception {
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    /** Waits for a service (DS activates components asynchronously); fails after 30 s. */
    ServiceReference<?> awaitService(String objectClass, String filter) throws Exception {
        for (int i = 0; i < 300; i++) {
            // "all": the test's own copies of the API classes must not hide the framework's services
            ServiceReference<?>[] refs = context().getAllServiceReferences(objectClass, filter);
            if (refs != null) {
                return refs[0];
            }
            Thread.sleep(100);
        }
        fail("no " + objectClass + " service " + filter + " within 30 s");
        return null;
    }

    Bundle bundle(String bsn) {
        for (Bundle b : context().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail("no bundle " + bsn + " installed");
        return null;
    }

    /** Calls the public method {@code name} with {@code args.length} parameters on {@code target}. */
    static Object call(Object target, String name, Object... args) throws Exception {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Method m : t.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    try {
                        m.setAccessible(true); // implementation classes are package-private; their interfaces are not
                        return m.invoke(target instanceof Class<?> ? null : target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception ex ? ex : e;
                    }
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + " with " + args.length + " parameters");
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }

    static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new AssertionError("system property " + name + " is not set: run this test through Maven (failsafe)");
        }
        return v;
    }

    /** The bundle symbolic names a feature lists, from features/<feature>.bndrun. */
    static List<String> featureBundles(String feature) throws IOException {
        String text = Files.readString(Path.of(property("backbench.sftp.features"), feature + ".bndrun"));
        String header = "-runbundles." + feature + ":";
        int at = text.indexOf(header);
        assertTrue(at >= 0, "features/" + feature + ".bndrun has no " + header);
        List<String> names = new ArrayList<>();
        for (String line : text.substring(at + header.length()).split("\n")) {
            String l = line.strip();
            boolean more = l.endsWith("\\");
            for (String part : l.replace("\\", "").split(",")) {
                if (!part.isBlank()) {
                    names.add(part.strip());
                }
            }
            if (!more) {
                break;
            }
        }
        return names;
    }

    private static Map<String, Path> bundlesByName(Path folder) throws IOException {
        Map<String, Path> byName = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    String bsn = file.getManifest() == null ? null
                            : file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (bsn != null) {
                        byName.put(bsn.split(";")[0].strip(), jar);
                    }
                }
            }
        }
        return byName;
    }
}
