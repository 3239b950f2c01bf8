package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class BtrfsTest {
    @TempDir
    Path dir;

    @Test
    void readsBtrfsLabelFsidAndDeviceUuid() throws Exception {
        Path img = Tools.sparseFile(dir, "btrfs.img", 128L << 20);
        Tools.run("mkfs.btrfs", "-q", "-L", "pool", img.toString());
        FsProbe p = FsAssert.assertLikeBlkid(new Btrfs(), img);
        Map<String, String> oracle = Tools.blkid(img);
        assertEquals("pool", p.label());
        assertEquals(oracle.get("UUID_SUB"), p.extra().get("uuid_sub"));
    }
}
