package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class NtfsTest {
    @TempDir
    Path dir;

    @Test
    void readsVolumeNameFromTheMftAndSerialAsUuid() throws Exception {
        Path img = Tools.sparseFile(dir, "ntfs.img", 32 << 20);
        Tools.run("mkntfs", "-F", "-Q", "-L", "Daten Ä", img.toString());
        FsProbe p = FsAssert.assertLikeBlkid(new Ntfs(), img);
        assertEquals("Daten Ä", p.label());
        assertEquals(16, p.uuid().length());
    }

    @Test
    void readsAVolumeWithoutLabelAndLargerClusters() throws Exception {
        Path img = Tools.sparseFile(dir, "ntfs64k.img", 64 << 20);
        Tools.run("mkntfs", "-F", "-Q", "-c", "65536", img.toString());
        assertEquals("", FsAssert.assertLikeBlkid(new Ntfs(), img).label());
    }

    @Test
    void fatIsNotNtfs() throws Exception {
        Path img = Tools.sparseFile(dir, "fat.img", 8 << 20);
        Tools.run("mkfs.vfat", img.toString());
        assertNull(FsAssert.probe(new Ntfs(), img));
    }
}
