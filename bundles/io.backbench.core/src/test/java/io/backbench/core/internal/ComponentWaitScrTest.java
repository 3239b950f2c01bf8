package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

import io.backbench.core.internal.lateplugin.LateComponent;

/**
 * A plugin is ACTIVE before SCR registers its services; ComponentWait bridges that gap. In a real
 * Felix framework with the real Felix SCR, with a plugin whose component gets its service late.
 */
class ComponentWaitScrTest {
    private static final String SCR_API = "org.osgi.service.component;version=1.5.0,"
            + "org.osgi.service.component.runtime;version=1.5.0,org.osgi.service.component.runtime.dto;version=1.5.0,"
            + "org.osgi.util.promise;version=1.3.0,org.osgi.util.function;version=1.2.0";

    @TempDir
    Path dir;

    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFrameworkWithScr() throws Exception {
        // the SCR API comes from the test's class path, so ComponentWait and SCR share its classes
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("storage").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SCR_API));
        framework.start();
        context = framework.getBundleContext();
        context.installBundle(classPathJar("org.apache.felix.scr-").toUri().toString()).start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void waitsUntilAComponentThatIsSatisfiedLateHasRegisteredItsService() throws Exception {
        Bundle plugin = context.installBundle(latePlugin().toUri().toString());
        plugin.start();
        assertNull(plugin.getRegisteredServices(), "the plugin is ACTIVE but has no service yet");

        Thread later = new Thread(() -> {
            sleep(300);
            context.registerService(CharSequence.class, "ready", null);
        });
        later.start();

        assertTrue(new ComponentWait(context).await(plugin, Duration.ofSeconds(30)));
        ServiceReference<?>[] services = plugin.getRegisteredServices();
        assertTrue(services != null && Arrays.stream(services).anyMatch(r ->
                Arrays.asList((String[]) r.getProperty(Constants.OBJECTCLASS)).contains(Runnable.class.getName())),
                "after the wait the plugin's service is there");
        later.join();
    }

    @Test
    void givesUpAfterTheLimitWhenAComponentNeverGetsWhatItNeeds() throws Exception {
        Bundle plugin = context.installBundle(latePlugin().toUri().toString());
        plugin.start();

        assertFalse(new ComponentWait(context).await(plugin, Duration.ofMillis(300)));
    }

    @Test
    void aBundleWithoutComponentsIsSetUpAtOnce() throws Exception {
        assertTrue(new ComponentWait(context).await(context.getBundle(0), Duration.ofSeconds(30)));
    }

    /** A plugin with one delayed component providing Runnable, needing a CharSequence service. */
    private Path latePlugin() throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, "com.acme.late");
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        a.putValue("Service-Component", "OSGI-INF/late.xml");
        String component = "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"late\">"
                + "<implementation class=\"" + LateComponent.class.getName() + "\"/>"
                + "<service><provide interface=\"java.lang.Runnable\"/></service>"
                + "<reference name=\"dependency\" interface=\"java.lang.CharSequence\" cardinality=\"1..1\" policy=\"static\"/>"
                + "</scr:component>";
        String classFile = LateComponent.class.getName().replace('.', '/') + ".class";
        Path jar = dir.resolve("late.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
             InputStream cls = LateComponent.class.getClassLoader().getResourceAsStream(classFile)) {
            j.putNextEntry(new ZipEntry("OSGI-INF/late.xml"));
            j.write(component.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            j.putNextEntry(new ZipEntry(classFile));
            cls.transferTo(j);
            j.closeEntry();
        }
        return jar;
    }

    private static Path classPathJar(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(prefix) && entry.endsWith(".jar")) {
                return p;
            }
        }
        throw new AssertionError(prefix + "*.jar is not on the test class path (see io.backbench.core/pom.xml)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
