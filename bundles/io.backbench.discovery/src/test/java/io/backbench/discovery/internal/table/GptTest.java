package io.backbench.discovery.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class GptTest {
    @TempDir
    Path dir;

    private Path disk() throws Exception {
        Path img = Tools.sparseFile(dir, "gpt.img", 64 << 20);
        Tools.run("sgdisk", "-n1:2048:+16M", "-t1:8300", "-c1:root fs", "-n2:0:+8M", "-t2:0700", "-c2:Daten",
                "-n4:0:0", "-t4:8200", "-c4:swap", img.toString());
        return img;
    }

    @Test
    void readsPartitionsNamesAndGuidsLikeSfdisk() throws Exception {
        PartitionTable t = TableAssert.assertLikeSfdisk(disk());
        assertEquals("root fs", t.entries().get(0).name());
        assertEquals(4, t.entries().get(2).number(), "a gap in the slots keeps the slot number");
        assertEquals("0fc63daf-8483-4772-8e79-3d69d8477de4", t.entries().get(0).type());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }

    @Test
    void usesTheBackupHeaderWhenThePrimaryIsDamagedAndSaysSo() throws Exception {
        Path img = disk();
        PartitionTable good = TableAssert.read(img, 512);
        Tools.flip(img, 512 + 60); // inside the disk GUID: the header CRC no longer matches
        PartitionTable t = TableAssert.read(img, 512);
        assertEquals(good.entries(), t.entries());
        assertEquals(good.id(), t.id());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains("primary GPT header") && t.warnings().get(0).contains("CRC"),
                t.warnings().get(0));
    }

    @Test
    void damagedPrimaryEntryArrayIsCaughtByItsCrc() throws Exception {
        Path img = disk();
        Tools.poke(img, 2 * 512 + 56, (byte) 'X'); // first letter of partition 1's name in the primary array
        PartitionTable t = TableAssert.read(img, 512);
        assertEquals("root fs", t.entries().get(0).name(), "the backup array still has the right name");
        assertTrue(t.warnings().get(0).contains("entry array CRC32"), t.warnings().toString());
    }

    @Test
    void warnsAboutADamagedBackupHeader() throws Exception {
        Path img = disk();
        Tools.flip(img, Files.size(img) - 512 + 60);
        PartitionTable t = TableAssert.read(img, 512);
        assertEquals(3, t.entries().size());
        assertTrue(t.warnings().get(0).startsWith("backup GPT header"), t.warnings().toString());
    }

    @Test
    void bothHeadersDamagedMeansNoGpt() throws Exception {
        Path img = disk();
        Tools.flip(img, 512 + 60);
        Tools.flip(img, Files.size(img) - 512 + 60);
        try (var s = io.backbench.discovery.internal.source.FileBlockSource.openFile(img)) {
            assertNull(PartitionTable.readGpt(s, 512));
            assertNull(PartitionTable.readMbr(s, 512), "the protective MBR is not a table of its own");
        }
    }

    @Test
    void readsAGptMadeForFourKibSectors() throws Exception {
        Path img = Tools.sparseFile(dir, "4k.img", 64 << 20);
        Tools.run("sgdisk", "-n1:256:+16M", "-c1:big", img.toString()); // sgdisk writes 512-byte sectors on a file
        try (var s = io.backbench.discovery.internal.source.FileBlockSource.openFile(img)) {
            assertNull(PartitionTable.readGpt(s, 4096), "a 512-byte GPT is not read as a 4 KiB one");
            assertEquals("big", PartitionTable.readGpt(s, 512).entries().get(0).name());
        }
    }
}
