package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
