package io.backbench.target.tape.internal;

import static io.backbench.target.tape.internal.VirtualTapes.bytes;
import static io.backbench.target.tape.internal.VirtualTapes.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tape.api.VolumeOperator;

/** Objects too big for a volume, odd cartridges, a catalog that cannot be written, locks during an operator prompt. */
class TapeFaultsTest {
    @TempDir
    Path dir;

    @Test
    void anObjectLargerThanAVolumeFailsAtOnceAndLeavesEveryCartridgeUntouched() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002,VOL003", 2, 64);
        try (StorageTarget t = tapes.open()) {
            TargetException e = assertThrows(TargetException.class, () -> t.put("data/huge", bytes(1, 3_000_000)));
            assertEquals("data/huge: 3000000 bytes is larger than one volume (capacity 2097152 bytes); use larger cartridges"
                    + " or a smaller pack size", e.getMessage());
            assertFalse(e instanceof TargetFullException, "no volume is full");
            assertEquals(List.of(), tapes.tapeFiles(), "no cartridge was labelled");
            t.put("data/small", bytes(2, 1000));
            assertEquals("VOL001", ((TapeTarget) t).catalogLocation("data/small").volume());
        }
        assertFalse(Files.readString(tapes.catalog.resolve(TapeCatalog.LOG)).contains("full "), "nothing was marked full");
    }

    @Test
    void aCartridgeWhoseFirstTapeFileIsEmptyButHoldsMoreDataIsNotTakenForBlank() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 64, 64);
        Path empty = VirtualDrive.tapeFile(tapes.library, "VOL001", 0);
        Path data = VirtualDrive.tapeFile(tapes.library, "VOL001", 1);
        Files.createDirectories(empty.getParent());
        Files.write(empty, new byte[0]);
        Files.write(data, bytes(9, 64 * 1024));
        try (StorageTarget t = tapes.open()) {
            t.put("config", bytes(1, 10));
            assertEquals("VOL002", ((TapeTarget) t).catalogLocation("config").volume());
        }
        assertEquals(0, Files.size(empty));
        assertArrayEquals(bytes(9, 64 * 1024), Files.readAllBytes(data), "the other data is still there");
    }

    @Test
    void aCartridgeWithBlocksLargerThanALabelIsSkippedAsForeign() throws Exception {
        Path library = dir.resolve("library");
        VirtualDrive virtual = new VirtualDrive(library, 64 << 20, 1 << 20, List.of("VOL001", "VOL002"), false);
        Files.createDirectories(library.resolve("VOL001"));
        Files.write(VirtualDrive.tapeFile(library, "VOL001", 0), bytes(3, 2 << 20));
        TapeTarget t = TapeTarget.open(EmulatedDrive.withOversizedBlocks(virtual, Set.of("VOL001")), dir.resolve("catalog"),
                "lib", 64 << 10, Optional::empty, Duration.ofSeconds(1));
        try {
            t.put("config", bytes(1, 10));
            assertEquals("VOL002", t.catalogLocation("config").volume());
        } finally {
            t.close();
        }
        assertArrayEquals(bytes(3, 2 << 20), Files.readAllBytes(VirtualDrive.tapeFile(library, "VOL001", 0)));
    }

    @Test
    void aCatalogWriteThatFailsChangesNothingInMemory() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("snapshots/a", bytes(1, 100));
            // the log cannot be written any more (as on a full disk): a folder stands where it was
            Path log = tapes.catalog.resolve(TapeCatalog.LOG);
            Files.delete(log);
            Files.createDirectory(log);
            assertThrows(TargetException.class, () -> t.delete("snapshots/a"));
            assertEquals(100, t.stat("snapshots/a").orElseThrow().size(), "the catalog in memory agrees with its log");
            assertThrows(TargetException.class, () -> t.put("snapshots/b", bytes(2, 100)));
            assertTrue(t.stat("snapshots/b").isEmpty());
            assertArrayEquals(bytes(1, 100), get(t, "snapshots/a"));
            Files.delete(log);
        }
    }

    @Test
    void lockObjectsDoNotWaitWhileTheOperatorIsAskedForAVolume() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 2, 64);
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        TapeTargetFactory factory = new TapeTargetFactory(dir.resolve("home"));
        factory.operators.add((request, timeout) -> {
            asking.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        });
        try (StorageTarget t = factory.open(TargetSettings.of(tapes.settings))) {
            t.put("data/1", bytes(1, 1_500_000));
            CompletableFuture<Void> spanning = CompletableFuture.runAsync(() -> {
                try {
                    t.put("data/2", bytes(2, 1_500_000));
                } catch (TargetException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            assertTrue(asking.await(60, TimeUnit.SECONDS), "the operator is asked for a blank volume");
            // a lock refresh while the operator has not answered: a deadlock here would be a stale lock
            CompletableFuture<List<String>> refresh = CompletableFuture.supplyAsync(() -> {
                try {
                    t.put("locks/new", new ByteArrayInputStream(bytes(3, 100)), 100);
                    List<String> keys = new ArrayList<>();
                    t.list("locks/", i -> keys.add(i.key()));
                    t.stat("locks/new").orElseThrow();
                    try (InputStream in = t.get("locks/new")) {
                        in.readAllBytes();
                    }
                    t.delete("locks/new");
                    return keys;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            try {
                assertEquals(List.of("locks/new"), refresh.get(60, TimeUnit.SECONDS));
            } finally {
                answer.countDown();
            }
            Exception e = assertThrows(Exception.class, () -> spanning.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof TargetFullException, e.toString());
        }
    }

    @Test
    void theOperatorIsAskedAgainInTheNextJobButNotTwiceInOne() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 2, 64);
        List<VolumeOperator.VolumeRequest> asked = new ArrayList<>();
        TapeTargetFactory factory = new TapeTargetFactory(dir.resolve("home"));
        factory.operators.add((request, timeout) -> {
            asked.add(request);
            return Optional.empty();
        });
        // a long-lived target (the workbench's), used by two jobs, each holding its repository lock
        try (StorageTarget t = factory.open(TargetSettings.of(tapes.settings))) {
            t.put("locks/job1", bytes(0, 10));
            t.put("data/1", bytes(1, 1_500_000));
            assertThrows(TargetFullException.class, () -> t.put("data/2", bytes(2, 1_500_000)));
            assertThrows(TargetFullException.class, () -> t.put("index/1", bytes(3, 1000)));
            assertEquals(1, asked.size(), "not twice in the same job");
            t.delete("locks/job1");
            t.put("locks/job2", bytes(0, 10));
            assertThrows(TargetFullException.class, () -> t.put("data/2", bytes(2, 1_500_000)));
            assertEquals(2, asked.size(), "the next job asks again");
            t.delete("locks/job2");
        }
        try (StorageTarget t = factory.open(TargetSettings.of(tapes.settings))) {
            assertThrows(TargetFullException.class, () -> t.put("data/2", bytes(2, 1_500_000)));
            assertEquals(3, asked.size(), "a target opened later asks again");
        }
    }

    @Test
    void listingLocksWithObjectsReportsBoth() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 64, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("locks/a", bytes(1, 5));
            t.put("config", bytes(2, 5));
            List<String> keys = new ArrayList<>();
            t.list("", (ObjectInfo i) -> keys.add(i.key()));
            keys.sort(null);
            assertEquals(List.of("config", "locks/a"), keys);
        }
    }
}
