package io.backbench.discovery.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class MbrTest {
    @TempDir
    Path dir;

    @Test
    void readsPrimaryPartitionsLikeSfdisk() throws Exception {
        Path img = Tools.sparseFile(dir, "mbr.img", 64 << 20);
        Tools.runWithInput("label: dos\nlabel-id: 0x1a2b3c4d\n,16M,83\n,8M,b\n,,82\n", "sfdisk", "-q", img.toString());
        PartitionTable t = TableAssert.assertLikeSfdisk(img);
        assertEquals("1a2b3c4d", t.id());
        assertEquals("1a2b3c4d-02", t.entries().get(1).uuid());
    }

    @Test
    void followsTheChainOfLogicalPartitions() throws Exception {
        Path img = Tools.sparseFile(dir, "logical.img", 128 << 20);
        Tools.runWithInput("label: dos\n,16M,83\n,,5\n,10M,83\n,10M,7\n,,c\n", "sfdisk", "-q", img.toString());
        PartitionTable t = TableAssert.assertLikeSfdisk(img);
        assertEquals(5, t.entries().size());
        assertTrue(t.entries().get(1).extended(), "partition 2 is the extended container");
        assertEquals(7, t.entries().get(4).number());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }

    @Test
    void stopsAtAnEbrChainThatLoops() throws Exception {
        Path img = Tools.sparseFile(dir, "loop.img", 64 << 20);
        Tools.runWithInput("label: dos\n,,5\n,10M,83\n,10M,83\n", "sfdisk", "-q", img.toString());
        PartitionTable good = TableAssert.read(img, 512);
        long extStart = good.entries().get(0).firstLba();
        long secondEbr = good.entries().get(2).firstLba() - 2048; // sfdisk puts each EBR 1 MiB before its partition
        // point the second EBR's link back at the first EBR (relative offset 0 would end the chain; use its own)
        long rel = secondEbr - extStart;
        byte[] link = {0, 0, 0, 0, 5, 0, 0, 0, (byte) rel, (byte) (rel >> 8), (byte) (rel >> 16), (byte) (rel >> 24),
                1, 0, 0, 0};
        Tools.poke(img, secondEbr * 512 + 0x1CE, link);
        PartitionTable t = TableAssert.read(img, 512);
        assertEquals(3, t.entries().size(), "the two logical partitions are still listed once each");
        assertTrue(t.warnings().get(0).contains("loops back"), t.warnings().toString());
    }

    @Test
    void noSignatureMeansNoTable() throws Exception {
        Path img = Tools.sparseFile(dir, "empty.img", 1 << 20);
        assertNull(TableAssert.read(img, 512));
    }
}
