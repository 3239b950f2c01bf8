package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class FatTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "FAT{0} on {1} MiB")
    @CsvSource({"12, 4", "16, 40", "32, 64"})
    void readsEachFatTypeLikeBlkid(int bits, int mib) throws Exception {
        Path img = Tools.sparseFile(dir, "fat" + bits + ".img", (long) mib << 20);
        Tools.run("mkfs.vfat", "-F", Integer.toString(bits), "-n", "FAT" + bits + " VOL", img.toString());
        FsProbe p = FsAssert.assertLikeBlkid(new Fat(), img);
        assertEquals("FAT" + bits, p.version());
        assertEquals("FAT" + bits + " VOL", p.label());
    }

    @Test
    void volumeWithoutLabelHasNone() throws Exception {
        Path img = Tools.sparseFile(dir, "nolabel.img", 8 << 20);
        Tools.run("mkfs.vfat", img.toString());
        assertEquals("", FsAssert.assertLikeBlkid(new Fat(), img).label());
    }

    @Test
    void labelInTheRootDirectoryWinsOverTheBootSector() throws Exception {
        Path img = Tools.sparseFile(dir, "relabel.img", 64 << 20);
        Tools.run("mkfs.vfat", "-F", "32", "-n", "FIRST", img.toString());
        // mlabel rewrites the root directory entry; the boot sector copy may stay as it was
        Tools.run("mlabel", "-i", img.toString(), "::SECOND");
        assertEquals("SECOND", FsAssert.assertLikeBlkid(new Fat(), img).label());
    }

    @Test
    void ntfsBootSectorIsNotFat() throws Exception {
        Path img = Tools.sparseFile(dir, "ntfs.img", 16 << 20);
        Tools.run("mkntfs", "-F", "-Q", img.toString());
        assertNull(FsAssert.probe(new Fat(), img));
    }
}
