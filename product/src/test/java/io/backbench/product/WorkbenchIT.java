package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled product with every feature, as a user starts it: {@code bin/backbench} opens the
 * workbench window without a bundle failing, and stops cleanly on SIGTERM. Needs an X display
 * (CI runs the build under xvfb-run); without one it fails rather than skips.
 */
class WorkbenchIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void workbenchOpensItsWindowWithEveryBundleStartedAndExitsZeroOnSigterm() throws Exception {
        String display = System.getenv("DISPLAY");
        assertTrue(display != null && !display.isBlank(),
                "no X display: run the build under xvfb-run (as releng/test does)");
        Path err = work.resolve("stderr.txt");
        Process process = Backbench.command(home).redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> firstLineAbout(out, "workbench window open after"))
                    .get(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertNotNull(line, "the window did not open; stderr:\n" + Files.readString(err));
            List<String> failures = Files.readAllLines(err).stream()
                    .filter(l -> l.startsWith("backbench: bundle") || l.startsWith("backbench: fragment"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), failures, "bundles of the product that did not start");

            process.destroy(); // SIGTERM

            assertTrue(process.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "did not stop on SIGTERM");
            assertEquals(0, process.exitValue(), "exit code after SIGTERM; stderr:\n" + Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void workbenchWithoutADisplayExitsOneAndSaysWhatToDo() throws Exception {
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder builder = Backbench.command(home).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "did not stop by itself");
            String stderr = Files.readString(err);
            assertEquals(1, process.exitValue(), "exit code without a display; stderr:\n" + stderr);
            assertTrue(stderr.contains("--headless"), "the message should point to --headless:\n" + stderr);
        } finally {
            process.destroyForcibly();
        }
    }

    static String firstLineAbout(BufferedReader reader, String text) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
