package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class SwapTest {
    @TempDir
    Path dir;

    @Test
    void readsSwapLabelAndUuid() throws Exception {
        Path img = Tools.sparseFile(dir, "swap.img", 8 << 20);
        Tools.run("mkswap", "-L", "swap1", img.toString());
        FsProbe p = FsAssert.assertLikeBlkid(new Swap(), img);
        assertEquals("swap1", p.label());
        assertEquals("1", p.version());
    }

    @Test
    void readsSwapMadeForSixtyFourKibPages() throws Exception {
        Path img = Tools.sparseFile(dir, "swap64k.img", 8 << 20);
        Tools.run("mkswap", "-p", "65536", "-U", "6a0e2f4c-1d2b-4e8f-9a7b-1c2d3e4f5a6b", img.toString());
        assertEquals("6a0e2f4c-1d2b-4e8f-9a7b-1c2d3e4f5a6b", FsAssert.assertLikeBlkid(new Swap(), img).uuid());
    }
}
