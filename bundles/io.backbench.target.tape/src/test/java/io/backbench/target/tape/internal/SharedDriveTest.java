package io.backbench.target.tape.internal;

import static io.backbench.target.tape.internal.VirtualTapes.bytes;
import static io.backbench.target.tape.internal.VirtualTapes.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/** One owner per drive: targets of one process share it, another process is kept away by the OS lock. */
class SharedDriveTest {
    @TempDir
    Path dir;

    @Test
    void twoTargetsOnOneLibraryShareOneDriveAndOneCatalog() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        StorageTarget first = tapes.open();
        StorageTarget second = tapes.open();
        try {
            first.put("data/a", bytes(1, 1000));
            second.put("data/b", bytes(2, 1000));
            assertArrayEquals(bytes(1, 1000), get(second, "data/a"), "the second target sees what the first wrote");
            assertArrayEquals(bytes(2, 1000), get(first, "data/b"));
            assertEquals(1, ((TapeTarget) first).catalogLocation("data/a").file());
            assertEquals(2, ((TapeTarget) first).catalogLocation("data/b").file(), "appended after data/a, not over it");
            first.close();
            second.put("data/c", bytes(3, 1000));
            assertArrayEquals(bytes(1, 1000), get(second, "data/a"), "closing one target leaves the drive to the other");
        } finally {
            first.close();
            second.close();
        }
        List<String> log = Files.readAllLines(tapes.catalog.resolve(TapeCatalog.LOG));
        assertEquals(1, log.stream().filter(l -> l.startsWith("volume ")).count(), log.toString());
        try (StorageTarget t = tapes.open()) {
            for (int i = 1; i <= 3; i++) {
                assertArrayEquals(bytes(i, 1000), get(t, "data/" + "abc".charAt(i - 1)));
            }
        }
        assertEquals(4, tapes.tapeFiles().size(), "the label and three objects: " + tapes.tapeFiles());
    }

    @Test
    void aLibraryHeldByAnotherProcessIsRefusedAtOnceNamingItsPidAndFreedWhenItEnds() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process other = new ProcessBuilder(java, "-cp", classpath, HoldLibrary.class.getName(), tapes.library.toString(),
                tapes.catalog.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("holding", line, "the other process opened the library");
            TargetException e = assertThrows(TargetException.class, tapes::open);
            assertTrue(e.isRetryable(), "a retry of the job may succeed once the other job ends");
            assertEquals("the tape drive/library tape:virtual:" + tapes.library + " (library library) is in use by another"
                    + " Backbench process (pid " + other.pid() + "); wait for its job to finish", e.getMessage());
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(60, TimeUnit.SECONDS), "the other process ends when its input does");
        }
        assertEquals(0, other.exitValue());
        try (StorageTarget t = tapes.open()) {
            t.put("config", bytes(1, 10));
        }
    }

    @Test
    void listingTheVolumesWhileATargetOfThisProcessHasTheLibraryLeavesTheTargetWritingInTheRightPlace() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 64, 64);
        TapeLibrary library = new TapeTargetFactory(dir.resolve("home")).library(TargetSettings.of(tapes.settings));
        try (StorageTarget t = tapes.open()) {
            t.put("data/1", bytes(1, 1000));
            List<TapeTools.Cartridge> volumes = SharedDrive.exclusive(library, true, () -> TapeTools.volumes(library));
            assertEquals(2, volumes.size(), volumes.toString());
            t.put("data/2", bytes(2, 1000));
            assertEquals(2, ((TapeTarget) t).catalogLocation("data/2").file(), "appended after data/1");
            assertArrayEquals(bytes(1, 1000), get(t, "data/1"));
            assertArrayEquals(bytes(2, 1000), get(t, "data/2"));
        }
    }

    @Test
    void aTapeCommandIsRefusedWhileATargetOfThisProcessHasTheLibrary() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        TapeTargetFactory factory = new TapeTargetFactory(dir.resolve("home"));
        TapeLibrary library = factory.library(TargetSettings.of(tapes.settings));
        try (StorageTarget t = tapes.open()) {
            t.put("config", bytes(1, 10));
            TargetException e = assertThrows(TargetException.class,
                    () -> SharedDrive.exclusive(library, false, () -> TapeTools.scan(library)));
            assertTrue(e.getMessage().contains("is in use by a job of this Backbench process"), e.getMessage());
        }
        TapeTools.ScanReport r = SharedDrive.exclusive(library, false, () -> TapeTools.scan(library));
        assertEquals(1, r.objects());
        try (StorageTarget t = tapes.open()) {
            assertFalse(t.stat("config").isEmpty(), "the command released the library");
        }
    }
}
