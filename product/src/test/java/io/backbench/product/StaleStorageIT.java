package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework storage of a process: a process killed with SIGKILL leaves it, and the next start
 * removes it, and only it; and a start that uses no S3 target does not fill it with the S3 plugin's
 * libraries.
 */
class StaleStorageIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theNextStartRemovesTheStorageOfAKilledProcessButNotThatOfALiveOne() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Process killed = headless(tmp, "killed");
        Path killedStorage;
        Process live = null;
        try {
            killedStorage = onlyStorageIn(tmp);
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(killed.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            assertTrue(Files.isDirectory(killedStorage), "SIGKILL should have left " + killedStorage);

            live = headless(tmp, "live");
            List<Path> both = storagesIn(tmp);
            assertEquals(1, both.size(), "the live server's start should have swept the killed one's storage: " + both);
            Path liveStorage = both.get(0);
            assertFalse(liveStorage.equals(killedStorage));

            Backbench.Result version = run(tmp, "version");
            assertEquals(0, version.code(), version.toString());
            assertTrue(Files.isDirectory(liveStorage), "a live process's storage must never be swept");
            assertEquals(List.of(liveStorage), storagesIn(tmp), "the command cleans up its own storage at exit");
        } finally {
            killed.destroyForcibly();
            if (live != null) {
                live.destroy();
                live.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStartThatUsesNoS3TargetDoesNotUnpackTheS3PluginsLibraries() throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Process server = headless(tmp, "server");
        try {
            Path storage = onlyStorageIn(tmp);
            List<Path> installed;
            List<Path> unpacked;
            try (Stream<Path> files = Files.walk(storage)) {
                List<Path> all = files.toList();
                // (the launcher installs the jars in place: each bundle has its bundle.info here, not a copy)
                installed = all.stream().filter(p -> p.getFileName().toString().equals("bundle.info")).toList();
                unpacked = all.stream().filter(p -> p.getFileName().toString().endsWith(".jar-embedded")).toList();
            }
            assertTrue(installed.size() >= 20, "the bundles are installed into this storage: " + installed.size());
            // the S3 bundle carries the AWS SDK as about 30 jars on its class path; the framework copies
            // them out (into <jar name>.jar-embedded) only when a class or resource of the bundle itself
            // is looked for
            assertEquals(List.of(), unpacked, "no bundle's embedded jars should be unpacked by starting the server");
        } finally {
            server.destroy();
            server.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Process headless(Path tmp, String name) throws Exception {
        ProcessBuilder builder = Backbench.command(home, "--headless");
        builder.environment().put("BACKBENCH_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Process process = builder.redirectError(work.resolve(name + "-stderr.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // readLine blocks; the hang guard bounds it without asserting a duration
        String line = CompletableFuture.supplyAsync(() -> WorkbenchIT.firstLineAbout(out, "running headless"))
                .get(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertNotNull(line, "no 'running headless' line; stderr:\n" + Files.readString(work.resolve(name + "-stderr.txt")));
        return process;
    }

    private Backbench.Result run(Path tmp, String... args) throws Exception {
        ProcessBuilder builder = Backbench.command(home, args);
        builder.environment().put("BACKBENCH_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "backbench did not finish");
        return new Backbench.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path onlyStorageIn(Path tmp) throws Exception {
        List<Path> storages = storagesIn(tmp);
        assertEquals(1, storages.size(), storages.toString());
        return storages.get(0);
    }

    private static List<Path> storagesIn(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("backbench-felix-")).sorted().toList();
        }
    }
}
