package io.backbench.target.tape.internal;

import static io.backbench.target.tape.internal.VirtualTapes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.cli.testing.CommandHarness;
import io.backbench.cli.testing.CommandHarness.Run;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;

/** {@code backbench tape volumes|label|scan} against virtual cartridges in a temporary folder. */
class TapeCommandTest {

    @TempDir
    Path dir;

    private Run tape(boolean json, String... args) {
        return CommandHarness.run(new TapeCommand(new TapeTargetFactory(dir.resolve("home"))), json, List.of(args));
    }

    /** The location of a virtual library, as -r takes it. */
    private static String location(VirtualTapes tapes) {
        return "tape:library=" + tapes.library + ",catalog=" + tapes.catalog + ",volumes="
                + tapes.settings.get("volumes").replace(',', '+') + ",capacity_mib=" + tapes.settings.get("capacity_mib")
                + ",block_size_kib=" + tapes.settings.get("block_size_kib") + ",sync=false";
    }

    private static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Two objects of 1.5 MB on 2 MiB cartridges: the second goes to VOL002. */
    private VirtualTapes twoVolumesWritten() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 2, 64);
        try (StorageTarget t = tapes.open()) {
            t.put("data/1", new java.io.ByteArrayInputStream(bytes(1, 1_500_000)), 1_500_000);
            t.put("data/2", new java.io.ByteArrayInputStream(bytes(2, 1_500_000)), 1_500_000);
        }
        return tapes;
    }

    private static long folderBytes(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static int folderFiles(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return (int) s.count();
        }
    }

    @Test
    void listsEachCartridgeWithLabelSequenceTapeFilesBytesUsedAndCapacity() throws Exception {
        VirtualTapes tapes = twoVolumesWritten();
        Run r = tape(true, "volumes", location(tapes));
        assertEquals(0, r.exit(), r.all());
        for (String v : List.of("VOL001", "VOL002")) {
            Path folder = tapes.library.resolve(v);
            String seq = v.equals("VOL001") ? "1" : "2";
            String state = v.equals("VOL001") ? "full" : "open";
            String expected = "{\"cartridge\":\"" + v + "\",\"state\":\"" + state + "\",\"label\":\"" + v + "\",\"sequence\":"
                    + seq + ",\"block_size\":65536,\"volume_library\":\"library\",\"files\":" + folderFiles(folder)
                    + ",\"bytes_used\":" + folderBytes(folder) + ",\"capacity\":2097152,\"note\":\"\"}";
            assertTrue(r.out().contains(expected), "expected " + expected + " in\n" + r.all());
        }
        assertTrue(r.out().startsWith("{\"library\":\"library\",\"drive\":\"virtual:" + tapes.library + "\""), r.all());

        Run text = tape(false, "volumes", location(tapes));
        assertEquals(0, text.exit(), text.all());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("VOL001 +full +VOL001 +1 +64 KiB +\\d+ +\\d+\\.\\d MiB +2\\.0 MiB")),
                text.all());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("VOL002 +open +VOL002 +2 +64 KiB .*")), text.all());
    }

    @Test
    void showsBlankCartridgesAndThoseOfAnotherLibraryAsSuch() throws Exception {
        VirtualTapes tapes = twoVolumesWritten();
        Files.createDirectories(tapes.library.resolve("SPARE1"));
        TargetSettings other = TargetSettings.of(java.util.Map.of("library", tapes.library.toString(), "name", "other",
                "volumes", "THEIRS", "capacity_mib", "2", "block_size_kib", "64", "sync", "false",
                "catalog", dir.resolve("other-catalog").toString()));
        try (StorageTarget t = new TapeTargetFactory(dir.resolve("home")).open(other)) {
            t.put("config", new java.io.ByteArrayInputStream(bytes(3, 100)), 100);
        }
        Run r = tape(false, "volumes", location(tapes));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("SPARE1 +blank +- +- +- +0 +0 B +2\\.0 MiB")), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("THEIRS +foreign +THEIRS +1 +64 KiB .* a volume of library other")),
                r.all());
    }

    @Test
    void labelsABlankCartridgeAsTheLibrarysNextVolumeWhichABackupThenFillsWithoutRelabelling() throws Exception {
        VirtualTapes tapes = twoVolumesWritten();
        Run r = tape(false, "label", location(tapes), "VOL003");
        assertEquals(0, r.exit(), r.all());
        assertEquals("labelled VOL003: volume 3 of library library, block size 64 KiB, in virtual:" + tapes.library + "\n", r.out());
        String listing = VirtualTapes.run(List.of("tar", "-t", "-b", "128", "-f",
                VirtualDrive.tapeFile(tapes.library, "VOL003", 0).toString()));
        assertEquals("BACKBENCH-VOLUME-LABEL.txt", listing.strip());

        tapes.settings.put("volumes", "VOL003");
        try (StorageTarget t = tapes.open()) {
            t.put("data/3", new java.io.ByteArrayInputStream(bytes(4, 1000)), 1000);
        }
        Run list = tape(true, "volumes", location(tapes));
        assertTrue(list.out().contains("{\"cartridge\":\"VOL003\",\"state\":\"open\",\"label\":\"VOL003\",\"sequence\":3,"
                + "\"block_size\":65536,\"volume_library\":\"library\",\"files\":2,"), list.all());
    }

    @Test
    void labelsTheFirstVolumeOfANewLibraryInJson() throws Exception {
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001", 2, 128);
        Run r = tape(true, "label", location(tapes), "FIRST");
        assertEquals(0, r.exit(), r.all());
        Matcher m = Pattern.compile("\\{\"library\":\"library\",\"drive\":\"virtual:.*\",\"catalog\":\".*\",\"label\":\"FIRST\","
                + "\"sequence\":1,\"block_size\":131072,\"written\":\"[0-9T:.Z-]+\"}\n").matcher(r.out());
        assertTrue(m.matches(), r.all());
    }

    @Test
    void refusesToLabelACartridgeThatIsNotBlankAndLeavesItAsItWas() throws Exception {
        VirtualTapes tapes = twoVolumesWritten();
        byte[] before = Files.readAllBytes(VirtualDrive.tapeFile(tapes.library, "VOL002", 0));

        Run again = tape(false, "label", location(tapes), "VOL002");
        assertEquals(1, again.exit(), again.all());
        assertTrue(again.err().contains("library library already has a volume VOL002 (sequence 2); give the new cartridge"
                + " another label"), again.all());

        // a cartridge the catalog does not know, holding another library's volume
        TargetSettings other = TargetSettings.of(java.util.Map.of("library", tapes.library.toString(), "name", "other",
                "volumes", "THEIRS", "capacity_mib", "2", "block_size_kib", "64", "sync", "false",
                "catalog", dir.resolve("other-catalog").toString()));
        try (StorageTarget t = new TapeTargetFactory(dir.resolve("home")).open(other)) {
            t.put("config", new java.io.ByteArrayInputStream(bytes(3, 100)), 100);
        }
        byte[] theirs = Files.readAllBytes(VirtualDrive.tapeFile(tapes.library, "THEIRS", 0));
        Run foreign = tape(false, "label", location(tapes), "THEIRS");
        assertEquals(1, foreign.exit(), foreign.all());
        assertTrue(foreign.err().contains("cartridge THEIRS is not blank: it is volume THEIRS (sequence 1) of library other;"
                + " it was not changed. Label a blank cartridge"), foreign.all());

        assertArrayEquals(before, Files.readAllBytes(VirtualDrive.tapeFile(tapes.library, "VOL002", 0)));
        assertArrayEquals(theirs, Files.readAllBytes(VirtualDrive.tapeFile(tapes.library, "THEIRS", 0)));
        assertEquals(2, folderFiles(tapes.library.resolve("THEIRS")));
    }

    @Test
    void scanRebuildsALostCatalogAndReportsTheVolumesObjectsAndSkippedCartridges() throws Exception {
        VirtualTapes tapes = twoVolumesWritten();
        Files.createDirectories(tapes.library.resolve("SPARE1"));
        TapeBackupTest.deleteTree(tapes.catalog);

        Run r = tape(false, "scan", location(tapes));
        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertEquals("scanned virtual:" + tapes.library + " (library library): 2 volumes, 2 objects, 2.9 MiB; there was no"
                + " catalog", lines.get(0), r.all());
        assertTrue(lines.get(2).matches("VOL001 +1 +full +1 +1 +1\\.4 MiB"), r.all());
        assertTrue(lines.get(3).matches("VOL002 +2 +open +1 +1 +1\\.4 MiB"), r.all());
        assertTrue(lines.contains("skipped cartridge SPARE1: blank"), r.all());
        assertTrue(TapeCatalog.exists(tapes.catalog));

        try (StorageTarget t = tapes.open(); InputStream in = t.get("data/2", 0, 1_500_000)) {
            assertArrayEquals(bytes(2, 1_500_000), in.readAllBytes());
        }

        Run json = tape(true, "scan", location(tapes));
        assertEquals(0, json.exit(), json.all());
        assertTrue(json.out().contains("\"objects\":2,\"bytes\":3000000,\"objects_before\":2,"), json.all());
        assertTrue(json.out().contains("{\"label\":\"VOL001\",\"sequence\":1,\"block_size\":65536,\"full\":true,"
                + "\"tape_files\":1,\"objects\":1,\"bytes\":1500000}"), json.all());
    }

    @Test
    void aLocationThatIsNoTapeLibraryIsAFailureThatSaysHowToWriteOne() {
        Run folder = tape(false, "volumes", "/srv/backups");
        assertEquals(1, folder.exit(), folder.all());
        assertTrue(folder.err().contains("'/srv/backups' is not a tape library: write tape:library=/srv/vtl"), folder.all());

        Run typo = tape(false, "volumes", "tape:libary=/srv/vtl");
        assertEquals(1, typo.exit(), typo.all());
        assertTrue(typo.err().contains("unknown setting 'libary'; the tape settings are [driver, device, library,"), typo.all());

        Run relative = tape(false, "scan", "tape:library=vtl");
        assertEquals(1, relative.exit(), relative.all());
        assertTrue(relative.err().contains("setting 'library' must be an absolute path, not 'vtl'"), relative.all());

        Run named = tape(false, "volumes", "target:offsite");
        assertEquals(1, named.exit(), named.all());
        assertTrue(named.err().contains("cannot look up target 'offsite'"), named.all());
    }

    @Test
    void wrongArgumentsAreUsageErrors() {
        assertEquals(2, tape(false).exit());
        Run unknown = tape(false, "eject", "tape:library=/x");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown sub-command 'tape eject': use volumes, label or scan"), unknown.all());
        Run noLabel = tape(false, "label", "tape:library=/x");
        assertEquals(2, noLabel.exit());
        assertTrue(noLabel.err().contains("'tape label' takes LOCATION LABEL"), noLabel.all());
        Run badLabel = tape(false, "label", "tape:library=/x", "VOL 3");
        assertEquals(2, badLabel.exit());
        assertTrue(badLabel.err().contains("a volume label is 1 to 32 letters, digits, '-' or '_', not 'VOL 3'"), badLabel.all());
        Run option = tape(false, "volumes", "--all", "tape:library=/x");
        assertEquals(2, option.exit());
        assertFalse(option.err().isEmpty());
    }
}
