package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backbench --headless} runs as a server and stops cleanly on SIGTERM. */
class HeadlessIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void headlessAnnouncesItselfAndExitsZeroOnSigterm() throws Exception {
        Path err = work.resolve("stderr.txt");
        Process process = Backbench.command(home, "--headless").redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // readLine blocks; the hang guard bounds it without asserting a duration
            String line = CompletableFuture.supplyAsync(() -> WorkbenchIT.firstLineAbout(out, "running headless"))
                    .get(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertNotNull(line, "no 'running headless' line; stderr:\n" + Files.readString(err));
            assertTrue(line.contains(home.resolve("plugins").toString()), "should name the plugins folder: " + line);

            process.destroy(); // SIGTERM

            assertTrue(process.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "did not stop on SIGTERM");
            assertEquals(0, process.exitValue(), "exit code after SIGTERM; stderr:\n" + Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void errorsThatAPluginLogsAreShownOnStderr() throws Exception {
        // signed and trusted (the product's default): it is SCR, not the plugin policy, that must complain
        Signing publisher = Signing.newPublisher(work, "publisher");
        publisher.trustIn(home, work);
        Path unsigned = brokenComponentBundle(work.resolve("broken.jar"));
        publisher.signedCopy(unsigned, Files.createDirectories(home.resolve("plugins")).resolve("broken.jar"));
        Process process = Backbench.command(home, "--headless").redirectOutput(work.resolve("out.txt").toFile())
                .start();
        try {
            BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> WorkbenchIT.firstLineAbout(err, "test.DoesNotExist"))
                    .get(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertNotNull(line, "SCR's error about the broken component was not shown");
            assertTrue(line.startsWith("backbench: log error [test.brokencomponent]"), line);
        } finally {
            process.destroy();
            process.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    /** A bundle whose DS component names a class that does not exist: SCR logs an error. */
    private static Path brokenComponentBundle(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.brokencomponent");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Service-Component", "OSGI-INF/broken.xml");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/broken.xml"));
            out.write(("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"test.Broken\""
                    + " immediate=\"true\"><implementation class=\"test.DoesNotExist\"/></scr:component>")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
