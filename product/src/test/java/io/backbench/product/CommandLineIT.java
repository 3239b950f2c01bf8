package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled product's command line, run as a process with a fresh data folder. */
class CommandLineIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void versionExitsZeroAndPrintsTheProductVersion() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "version");

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().contains(Backbench.requiredProperty("backbench.it.version")), result.toString());
    }

    @Test
    void theClassDataArchiveIsWrittenOnceAndAgainWhenABundleOfTheProductChanges() throws Exception {
        Path cds = home.resolve("cache").resolve("cds");
        // the first run writes the archive as it exits, the second moves it in place and uses it
        versionWithTheArchive();
        versionWithTheArchive();
        List<Path> before = archives(cds);
        assertEquals(1, before.size(), "one archive: " + before);

        Path jar;
        try (Stream<Path> jars = Files.list(Backbench.productDir().resolve("bundle").resolve("core"))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith("io.backbench.core-")).findFirst().orElseThrow();
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(built.toInstant().plusSeconds(60))); // as an upgrade would
            versionWithTheArchive();
            versionWithTheArchive();
            List<Path> after = archives(cds);
            assertEquals(1, after.size(), "the old archive is removed: " + after);
            assertNotEquals(before, after, "a changed bundle gives a new archive, with its classes");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @Test
    void anArchiveCutShortIsNotUsedAndAGoodOneIsWrittenInstead() throws Exception {
        Path cds = home.resolve("cache").resolve("cds");
        versionWithTheArchive(); // writes backbench-KEY.jsa.tmp.PID as it exits
        Path written;
        try (Stream<Path> files = Files.list(cds)) {
            written = files.filter(p -> p.getFileName().toString().matches("backbench-\\d+\\.jsa\\.tmp\\.\\d+"))
                    .findFirst().orElseThrow();
        }
        // as if the process had been killed, or the machine stopped, while it wrote the archive
        written.toFile().setWritable(true);
        try (FileChannel ch = FileChannel.open(written, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 3);
        }
        versionWithTheArchive(); // a JVM that mapped it crashed (SIGBUS): it is tried first, and dropped
        assertTrue(archives(cds).isEmpty(), "the archive cut short is not used: " + archives(cds));
        versionWithTheArchive(); // the run before wrote a whole one: moved in place
        assertEquals(1, archives(cds).size());
        versionWithTheArchive();
    }

    @Test
    void onANearlyFullDiskNoArchiveIsWrittenAndCommandsStillSucceed() throws Exception {
        Path small = Files.createDirectories(work.resolve("small-disk"));
        // a real file system of 8 MiB, too small for an archive (about 11 MiB); the tests run as root here
        // and in CI, so a failure to mount is a failure
        assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", small.toString())
                .inheritIO().start().waitFor(), "cannot mount an 8 MiB tmpfs (the test needs root)");
        try {
            Path homeOnIt = small.resolve("home");
            for (int i = 0; i < 2; i++) {
                ProcessBuilder builder = Backbench.command(homeOnIt, "version")
                        .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
                builder.environment().put("BACKBENCH_CDS", "1");
                Process p = builder.start();
                assertTrue(p.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "backbench version did not finish");
                assertEquals(0, p.exitValue(), "a JVM that cannot write its archive exits with 1: "
                        + Files.readString(work.resolve("err.txt")));
            }
            try (Stream<Path> files = Files.list(homeOnIt.resolve("cache").resolve("cds"))) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".jsa")).toList());
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    /** {@code backbench version} with the archive on, whatever this test's environment says. */
    private void versionWithTheArchive() throws Exception {
        ProcessBuilder builder = Backbench.command(home, "version").redirectOutput(work.resolve("version-out.txt").toFile())
                .redirectError(work.resolve("version-err.txt").toFile());
        builder.environment().put("BACKBENCH_CDS", "1");
        Process p = builder.start();
        assertTrue(p.waitFor(Backbench.HANG_GUARD_SECONDS, TimeUnit.SECONDS), "backbench version did not finish");
        assertEquals(0, p.exitValue(), Files.readString(work.resolve("version-err.txt")));
    }

    private static List<Path> archives(Path cds) throws Exception {
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.getFileName().toString().matches("backbench-\\d+\\.jsa")).sorted().toList();
        }
    }

    @Test
    void helpExitsZeroAndDescribesTheCommands() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "--help");

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().contains("targets"), "--help should list the commands: " + result);
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCodeTwo() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "frobnicate");

        assertEquals(2, result.code(), result.toString());
        assertTrue(result.err().contains("frobnicate"), "the error should name the command: " + result);
    }

    @Test
    void targetTypesAsJsonListsTheBuiltInTypesAndNothingElseOnStdout() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "targets", "types", "--json");

        assertEquals(0, result.code(), result.toString());
        List<Object> types = typesIn(result);
        assertTrue(types.containsAll(List.of("disk", "memory")), "types " + types + " in " + result);
        assertFalse(types.contains("sample"), "the sample plugin is not part of the product: " + result);
    }

    @Test
    void samplePluginInThePluginsFolderIsListedAsATargetType() throws Exception {
        Path sample = Path.of(Backbench.requiredProperty("backbench.it.samplePlugin"));
        // plugins must be signed by a trusted publisher (the product's default)
        Signing publisher = Signing.newPublisher(work, "publisher");
        publisher.trustIn(home, work);
        publisher.signedCopy(sample, home.resolve("plugins").resolve(sample.getFileName()));

        Backbench.Result result = Backbench.run(home, work, "targets", "types", "--json");

        assertEquals(0, result.code(), result.toString());
        List<Object> types = typesIn(result);
        assertTrue(types.containsAll(List.of("disk", "memory", "sample")), "types " + types + " in " + result);
    }

    @Test
    void installingAFileThatIsNotAJarFailsWithAClearMessageAndLeavesThePluginsFolderEmpty() throws Exception {
        Path notAJar = Files.writeString(work.resolve("notes.txt"), "not a bundle\n");

        Backbench.Result result = Backbench.run(home, work, "plugins", "install", notAJar.toString());

        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("notes.txt"), "the message should name the file: " + result);
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            assertEquals(List.of(), files.collect(Collectors.toList()));
        }
    }

    @Test
    void theLauncherCreatesTheDataFolders() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "version");

        assertEquals(0, result.code(), result.toString());
        for (String folder : List.of("config", "catalog", "cache", "plugins")) {
            assertTrue(Files.isDirectory(home.resolve(folder)), folder + " was not created in " + home);
        }
    }

    /** The "type" of each element of the top-level array that {@code targets types --json} prints. */
    private static List<Object> typesIn(Backbench.Result result) {
        Object json = Json.parse(result.out());
        assertTrue(json instanceof List, "expected a JSON array of target types: " + result);
        return ((List<?>) json).stream().map(t -> ((java.util.Map<?, ?>) t).get("type"))
                .collect(Collectors.toList());
    }
}
