package io.backbench.target.tape.internal;

import static io.backbench.target.tape.internal.VirtualTapes.bytes;
import static io.backbench.target.tape.internal.VirtualTapes.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tape.api.VolumeOperator;

/** Tape-specific behaviour beyond the conformance kit, on virtual cartridges. */
class TapeTargetTest {
    @TempDir
    Path dir;

    @Test
    void deletedKeysStayDeletedWhenTheCatalogIsRebuiltFromTheTapes() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("snapshots/a", bytes(1, 100));
            t.put("snapshots/b", bytes(2, 100));
            t.put("snapshots/c", bytes(3, 100));
            assertTrue(t.delete("snapshots/a"));
            assertTrue(t.delete("snapshots/c"));
            t.put("snapshots/c", bytes(4, 50));
            assertFalse(t.delete("snapshots/never"));
        }
        TapeBackupTest.deleteTree(tapes.catalog);
        try (StorageTarget t = tapes.open()) {
            List<String> keys = new ArrayList<>();
            t.list("", i -> keys.add(i.key() + "=" + i.size()));
            keys.sort(null);
            assertEquals(List.of("snapshots/b=100", "snapshots/c=50"), keys);
            assertArrayEquals(bytes(4, 50), get(t, "snapshots/c"));
        }
    }

    @Test
    void aDeleteMadeJustBeforeCloseReachesTheTape() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("index/1", bytes(1, 10));
            t.delete("index/1");
        }
        TapeBackupTest.deleteTree(tapes.catalog);
        try (StorageTarget t = tapes.open()) {
            assertEquals(Optional.empty(), t.stat("index/1"));
        }
        String listing = VirtualTapes.run(List.of("tar", "-t", "-b", "128", "-f",
                tapes.tapeFiles().get(tapes.tapeFiles().size() - 1).toString()));
        assertTrue(listing.startsWith("BACKBENCH-DELETED-"), listing);
    }

    @Test
    void locksStayInTheCatalogFolderAndNeverReachTheTape() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("locks/0123", bytes(1, 200));
            assertArrayEquals(bytes(1, 200), get(t, "locks/0123"));
            assertEquals(200, t.stat("locks/0123").orElseThrow().size());
            assertTrue(Files.exists(tapes.catalog.resolve("locks/0123")));
            assertTrue(t.delete("locks/0123"));
            assertFalse(Files.exists(tapes.catalog.resolve("locks/0123")));
        }
        assertEquals(List.of(), tapes.tapeFiles(), "not even a label: nothing was written to tape");
    }

    @Test
    void anOperatorWhoCancelsIsNotAskedAgainByTheSameTargetWhoseLaterWritesFailAtOnce() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 2, 64);
        List<VolumeOperator.VolumeRequest> asked = new ArrayList<>();
        TapeTargetFactory factory = new TapeTargetFactory(dir.resolve("home"));
        factory.operators.add((request, timeout) -> {
            asked.add(request);
            return Optional.empty();
        });
        try (StorageTarget t = factory.open(TargetSettings.of(tapes.settings))) {
            t.put("data/1", new java.io.ByteArrayInputStream(bytes(1, 1_500_000)), 1_500_000);
            for (String key : List.of("data/2", "index/1")) {
                TargetFullException e = assertThrows(TargetFullException.class,
                        () -> t.put(key, new java.io.ByteArrayInputStream(bytes(2, 1_500_000)), 1_500_000));
                assertTrue(e.getMessage().contains("volume VOL001 is full; load a blank volume (or add one to the magazine)"
                        + " and run the job again"), e.getMessage());
            }
            assertArrayEquals(bytes(1, 1_500_000), get(t, "data/1"));
        }
        assertEquals(1, asked.size(), asked.toString());
    }

    @Test
    void theOperatorIsAskedForABlankVolumeWhenTheMagazineIsExhausted() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 2, 64);
        List<VolumeOperator.VolumeRequest> asked = new ArrayList<>();
        TapeTargetFactory factory = new TapeTargetFactory(dir.resolve("home"));
        factory.operators.add((request, timeout) -> {
            asked.add(request);
            return Optional.of("EXTRA1");
        });
        try (StorageTarget t = factory.open(TargetSettings.of(tapes.settings))) {
            t.put("data/1", bytes(1, 1_500_000));
            t.put("data/2", bytes(2, 1_500_000));
            assertArrayEquals(bytes(1, 1_500_000), get(t, "data/1"));
            assertArrayEquals(bytes(2, 1_500_000), get(t, "data/2"));
        }
        assertEquals(1, asked.size(), asked.toString());
        assertTrue(asked.get(0).wantsBlank());
        assertEquals("volume VOL001 is full; the backup goes on on a blank volume", asked.get(0).reason());
        assertTrue(Files.exists(VirtualDrive.tapeFile(tapes.library, "EXTRA1", 1)));
        // the scan finds the operator's cartridge too
        TapeBackupTest.deleteTree(tapes.catalog);
        try (StorageTarget t = tapes.open()) {
            assertArrayEquals(bytes(2, 1_500_000), get(t, "data/2"));
        }
    }

    @Test
    void aFullLastVolumeFailsWithAClearMessageAndKeepsWhatIsOnIt() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 2, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("data/1", bytes(1, 1_500_000));
            t.put("data/2", bytes(2, 1_500_000));
            TargetFullException e = assertThrows(TargetFullException.class, () -> t.put("data/3", bytes(3, 1_500_000)));
            assertEquals("volume VOL002 is full; load a blank volume (or add one to the magazine) and run the job again",
                    e.getMessage());
            assertFalse(e.isRetryable());
            assertEquals(Optional.empty(), t.stat("data/3"));
            assertArrayEquals(bytes(1, 1_500_000), get(t, "data/1"));
            assertArrayEquals(bytes(2, 1_500_000), get(t, "data/2"));
        }
    }

    @Test
    void aTapeFileCutByTheEndOfTheMediumIsWrittenAgainOnTheNextVolumeAndIgnoredByTheScan() throws Exception {
        Path library = dir.resolve("library");
        Path catalog = dir.resolve("catalog");
        // a drive that, like a real one, does not say how much room is left: the writer meets the end
        TapeTarget t = TapeTarget.open(new VirtualDrive(library, 2 << 20, 64 << 10, List.of("A", "B"), false, false),
                catalog, "lib", 64 << 10, Optional::empty, Duration.ofSeconds(1));
        try {
            t.put("data/1", bytes(1, 1_200_000));
            t.put("data/2", bytes(2, 1_200_000));
            assertArrayEquals(bytes(1, 1_200_000), get(t, "data/1"));
            assertArrayEquals(bytes(2, 1_200_000), get(t, "data/2"));
        } finally {
            t.close();
        }
        assertTrue(Files.exists(VirtualDrive.tapeFile(library, "A", 2)), "the cut file stays on A");
        assertTrue(Files.exists(VirtualDrive.tapeFile(library, "B", 1)), "the whole object went to B");
        TapeBackupTest.deleteTree(catalog);
        t = TapeTarget.open(new VirtualDrive(library, 2 << 20, 64 << 10, List.of("A", "B"), false, false),
                catalog, "lib", 64 << 10, Optional::empty, Duration.ofSeconds(1));
        try {
            assertEquals("B", t.catalogLocation("data/2").volume());
            assertArrayEquals(bytes(2, 1_200_000), get(t, "data/2"));
        } finally {
            t.close();
        }
    }

    @Test
    void aCartridgeOfAnotherLibraryIsNeverWrittenTo() throws Exception {
        VirtualTapes other = new VirtualTapes(dir, "VOL001", 64, 64);
        other.settings.put("name", "other-library");
        try (StorageTarget t = other.open()) {
            t.put("config", bytes(1, 10));
        }
        byte[] before = Files.readAllBytes(VirtualDrive.tapeFile(other.library, "VOL001", 1));
        VirtualTapes mine = new VirtualTapes(dir.resolve("mine"), "VOL001", 64, 64);
        mine.settings.put("library", other.library.toString());
        mine.settings.put("name", "my-library");
        try (StorageTarget t = mine.open()) {
            TargetFullException e = assertThrows(TargetFullException.class, () -> t.put("config", bytes(2, 10)));
            assertTrue(e.getMessage().contains("load a blank volume"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(VirtualDrive.tapeFile(other.library, "VOL001", 1)));
    }

    @Test
    void objectsLargerThanTheInMemoryLimitAreReadWholeAndInRanges() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 256);
        byte[] big = bytes(7, Spool.IN_MEMORY + 1_000_003);
        try (StorageTarget t = tapes.open()) {
            t.put("data/big", big);
            assertArrayEquals(big, get(t, "data/big"));
            try (InputStream in = t.get("data/big", Spool.IN_MEMORY - 10, Spool.IN_MEMORY)) {
                assertArrayEquals(java.util.Arrays.copyOfRange(big, Spool.IN_MEMORY - 10, big.length), in.readAllBytes());
            }
        }
        assertEquals(List.of(), listFiles(dir.resolve("catalog/spool")), "no spool file is left behind");
    }

    @Test
    void aCartridgeHoldingOtherDataIsSkippedAndLeftAsItWas() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 64, 64);
        Path foreign = VirtualDrive.tapeFile(tapes.library, "VOL001", 0);
        Files.createDirectories(foreign.getParent());
        byte[] other = bytes(9, 64 * 1024);
        Files.write(foreign, other);
        try (StorageTarget t = tapes.open()) {
            t.put("config", bytes(1, 10));
            assertEquals("VOL002", ((TapeTarget) t).catalogLocation("config").volume());
        }
        assertArrayEquals(other, Files.readAllBytes(foreign));
        assertEquals(List.of(foreign), listFiles(foreign.getParent()));
    }

    private static List<Path> listFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        Map<String, String> base = new VirtualTapes(dir, "VOL001", 64, 64).settings;
        TapeTargetFactory f = new TapeTargetFactory(dir);
        assertRefused(f, base, "block_size_kib", "32", "setting 'block_size_kib' must be between 64 and 1024");
        assertRefused(f, base, "driver", "floppy", "setting 'driver' must be 'virtual' or 'st'");
        assertRefused(f, base, "library", "relative/folder", "setting 'library' must be an absolute path");
        assertRefused(f, base, "volumes", "VOL001,VOL#2", "setting 'volumes': a volume label is 1 to 32 letters");
        assertRefused(f, base, "volumes", "VOL001,VOL001", "setting 'volumes' names a cartridge twice");
        assertRefused(f, base, "capacity_mib", "lots", "setting 'capacity_mib' must be a whole number");
    }

    @Test
    void theMagazineMaySeparateLabelsWithPlusSignsAsARepositoryLocationNeeds() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001+VOL002", 2, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("data/1", bytes(1, 1_500_000));
            t.put("data/2", bytes(2, 1_500_000));
            assertEquals("VOL002", ((TapeTarget) t).catalogLocation("data/2").volume());
        }
    }

    private static void assertRefused(TapeTargetFactory f, Map<String, String> base, String key, String value, String message) {
        Map<String, String> s = new java.util.HashMap<>(base);
        s.put(key, value);
        TargetException e = assertThrows(TargetException.class, () -> f.open(TargetSettings.of(s)).close());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
