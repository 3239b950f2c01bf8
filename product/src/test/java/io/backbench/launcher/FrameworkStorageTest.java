package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framework storage folders, and the sweep of those whose process was killed. Real processes. */
class FrameworkStorageTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void aNewFolderNamesThisProcessAsItsOwner() throws Exception {
        Path folder = FrameworkStorage.create(tmp);

        assertTrue(folder.getFileName().toString().startsWith("backbench-felix-"), folder.toString());
        long[] owner = FrameworkStorage.owner(folder).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), owner[0]);
        assertTrue(FrameworkStorage.alive(owner[0], owner[1]), "this process counts as alive");
        assertEquals(folder.resolve("storage"), FrameworkStorage.frameworkDir(folder));
    }

    @Test
    void sweepsTheFoldersOfDeadProcessesAndNothingElse() throws Exception {
        Path live = FrameworkStorage.create(tmp);
        Path dead = folderOwnedBy(deadPid(), 0);
        Files.createDirectories(FrameworkStorage.frameworkDir(dead).resolve("bundle3/version0.0"));
        Path beingCreated = Files.createDirectory(tmp.resolve("backbench-felix-123"));
        Path somethingElse = Files.createDirectory(tmp.resolve("other-felix-1"));
        Files.writeString(somethingElse.resolve("owner"), deadPid() + " 0");

        List<Path> removed = FrameworkStorage.sweep(tmp, FrameworkStorage::alive, err);

        assertEquals(List.of(dead), removed);
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live), "a live process's storage must stay");
        assertTrue(Files.exists(beingCreated), "a folder without owner (still being created) must stay");
        assertTrue(Files.exists(somethingElse));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPidNowUsedByAnotherProcessCountsAsDead() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().orElseThrow().toEpochMilli();
        Path reused = folderOwnedBy(self.pid(), started - 3_600_000);

        assertEquals(List.of(reused), FrameworkStorage.sweep(tmp, FrameworkStorage::alive, err));
    }

    private Path folderOwnedBy(long pid, long startMillis) throws Exception {
        Path folder = Files.createTempDirectory(tmp, "backbench-felix-");
        Files.writeString(folder.resolve("owner"), pid + " " + startMillis + "\n");
        return folder;
    }

    /** The pid of a process that has ended (and been reaped). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
