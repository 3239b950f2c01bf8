package io.backbench.imaging.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A single ext4 filesystem in an image file (no partition table), made on stale data. */
public final class FsImages {
    private FsImages() {
    }

    /** 32 MiB of ext4 (4 KiB blocks) holding {@code big.bin} (2 MiB random) and {@code hello.txt}. */
    public static Path ext4(Path dir, String name) throws IOException {
        Path content = dir.resolve(name + "-content");
        TestDisks.randomFile(content.resolve("big.bin"), 2 << 20, 5);
        Files.writeString(content.resolve("hello.txt"), "hello\n");
        Path img = TestDisks.stale(dir.resolve(name), 32L << 20, 3);
        Tools.run("mkfs.ext4", "-q", "-F", "-b", "4096", "-E", "nodiscard,lazy_itable_init=0,lazy_journal_init=0", "-d",
                content.toString(), img.toString());
        return img;
    }

    /** The byte offset of block {@code index} of {@code file} in an ext image (debugfs bmap). */
    public static long blockOffset(Path img, String file, int index) throws IOException {
        String out = Tools.run("debugfs", "-R", "bmap " + file + " " + index, img.toString()).strip();
        return Long.parseLong(out) * 4096;
    }
}
