package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class XfsTest {
    @TempDir
    Path dir;

    @Test
    void readsXfsLabelAndUuid() throws Exception {
        Path img = Tools.sparseFile(dir, "xfs.img", 320L << 20);
        Tools.run("mkfs.xfs", "-q", "-L", "srv-data", img.toString());
        assertEquals("srv-data", FsAssert.assertLikeBlkid(new Xfs(), img).label());
    }
}
