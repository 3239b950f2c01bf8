package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class ExtTest {
    @TempDir
    Path dir;

    @Test
    void readsExt4LabelAndUuidLikeBlkid() throws Exception {
        Path img = Tools.sparseFile(dir, "ext4.img", 32 << 20);
        Tools.run("mkfs.ext4", "-q", "-F", "-L", "backup root", img.toString());
        assertEquals("ext4", FsAssert.assertLikeBlkid(new Ext(), img).type());
    }

    @Test
    void tellsExt3FromExt4ByItsFeatures() throws Exception {
        Path img = Tools.sparseFile(dir, "ext3.img", 16 << 20);
        Tools.run("mkfs.ext3", "-q", "-F", "-L", "old", img.toString());
        assertEquals("ext3", FsAssert.assertLikeBlkid(new Ext(), img).type());
    }

    @Test
    void readsExt2WithoutJournal() throws Exception {
        Path img = Tools.sparseFile(dir, "ext2.img", 16 << 20);
        Tools.run("mkfs.ext2", "-q", "-F", img.toString());
        FsProbe p = FsAssert.assertLikeBlkid(new Ext(), img);
        assertEquals("ext2", p.type());
        assertEquals("", p.label(), "no label given");
    }

    @Test
    void keepsAUtf8LabelOfSixteenBytes() throws Exception {
        Path img = Tools.sparseFile(dir, "utf8.img", 16 << 20);
        Tools.run("mkfs.ext4", "-q", "-F", "-L", "Sicherung-Müll1", img.toString());
        assertEquals("Sicherung-Müll1", FsAssert.assertLikeBlkid(new Ext(), img).label());
    }

    @Test
    void ignoresAFileWithoutTheMagicNumber() throws Exception {
        Path img = Tools.sparseFile(dir, "zero.img", 1 << 20);
        assertNull(FsAssert.probe(new Ext(), img));
    }
}
