package io.backbench.target.tape.internal;

import static io.backbench.target.tape.internal.VirtualTapes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.TargetException;

/** A lost catalog with a manual drive: not rebuilt from the one cartridge in it, but scanned cartridge by cartridge. */
class ManualDriveTest {
    @TempDir
    Path dir;

    private VirtualDrive library() {
        return new VirtualDrive(dir.resolve("library"), 2 << 20, 64 << 10, List.of("A", "B"), false);
    }

    private TapeTarget open(TapeDrive drive) throws TargetException {
        return TapeTarget.open(drive, dir.resolve("catalog"), "lib", 64 << 10, Optional::empty, Duration.ofSeconds(1));
    }

    private TapeLibrary manualLibrary(String cartridge) throws Exception {
        return new TapeLibrary(EmulatedDrive.manual(library(), cartridge), dir.resolve("catalog"), "lib", 64 << 10,
                Duration.ofSeconds(1), 0, null);
    }

    @Test
    void aLostCatalogIsNotRebuiltFromTheOneCartridgeInAManualDriveButFromScansOfEachInTurn() throws Exception {
        TapeTarget t = open(library());
        try {
            t.put("data/1", bytes(1, 1_200_000));
            t.put("data/2", bytes(2, 1_200_000));
            assertEquals("B", t.catalogLocation("data/2").volume());
        } finally {
            t.close();
        }
        TapeBackupTest.deleteTree(dir.resolve("catalog"));

        TargetException refused = assertThrows(TargetException.class, () -> open(EmulatedDrive.manual(library(), "B")));
        assertTrue(refused.getMessage().contains("is a manual drive that sees one cartridge at a time")
                && refused.getMessage().contains("Run 'backbench tape scan LOCATION' with each cartridge of the library in the"
                        + " drive in turn"), refused.getMessage());
        assertFalse(TapeCatalog.exists(dir.resolve("catalog")), "nothing was rebuilt");

        TapeLibrary withB = manualLibrary("B");
        SharedDrive.exclusive(withB, false, () -> TapeTools.scan(withB));
        TapeLibrary withA = manualLibrary("A");
        TapeTools.ScanReport r = SharedDrive.exclusive(withA, false, () -> TapeTools.scan(withA));
        assertEquals(2, r.volumes().size(), "both cartridges scanned so far: " + r.volumes());
        assertEquals(2, r.objects());

        TapeCatalog catalog = TapeCatalog.open(dir.resolve("catalog"));
        assertEquals(3, catalog.nextSequence(), "the next volume gets a sequence number no cartridge has");
        assertTrue(catalog.volumes().get("A").full());
        assertEquals("A", catalog.objects().get("data/1").volume());
        assertEquals("B", catalog.objects().get("data/2").volume());

        t = open(EmulatedDrive.manual(library(), "B"));
        try (InputStream in = t.get("data/2")) {
            assertArrayEquals(bytes(2, 1_200_000), in.readAllBytes());
        } finally {
            t.close();
        }
        assertFalse(Files.exists(dir.resolve("catalog").resolve(Scanner.SCANNED)), "using the catalog ends the round of scans");
    }
}
