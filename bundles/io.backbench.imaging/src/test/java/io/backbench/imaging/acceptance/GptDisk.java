package io.backbench.imaging.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.imaging.api.ByteRange;
import io.backbench.imaging.testing.LoopDevice;
import io.backbench.imaging.testing.TestDisks;
import io.backbench.imaging.testing.Tools;

/**
 * The acceptance disk: 128 MiB of stale random data, then a GPT (sgdisk) with an ext4 partition
 * filled by {@code mkfs.ext4 -d}, a FAT32 one filled by mcopy and an NTFS one filled by ntfscp.
 */
final class GptDisk {
    static final long SIZE = 128L << 20;

    final Path file;
    final Map<Integer, ByteRange> parts;
    final Path extContent;
    final Map<String, Path> fatFiles = new LinkedHashMap<>();
    final Map<String, Path> ntfsFiles = new LinkedHashMap<>();
    final List<Long> staleBlocks;

    private GptDisk(Path dir) throws IOException {
        file = TestDisks.stale(dir.resolve("disk.img"), SIZE, 42);
        Tools.run("sgdisk", "-n1:2048:+40M", "-t1:8300", "-c1:root", "-n2:0:+40M", "-t2:0700", "-c2:data", "-n3:0:0", "-t3:0700",
                "-c3:windows", file.toString());
        parts = TestDisks.partitions(file);
        extContent = dir.resolve("ext");
        Files.createDirectories(extContent.resolve("docs"));
        Files.writeString(extContent.resolve("hello.txt"), "hello from ext4\n");
        TestDisks.randomFile(extContent.resolve("docs/random.bin"), 3 << 20, 11);
        TestDisks.randomFile(extContent.resolve("docs/small.bin"), 12_345, 12);
        TestDisks.mkfsExt(file, parts.get(1), "ext4", extContent, "-b", "4096", "-L", "root");
        fatFiles.put("hello.txt", TestDisks.randomFile(dir.resolve("fat/hello.txt"), 100, 21));
        fatFiles.put("big.bin", TestDisks.randomFile(dir.resolve("fat/big.bin"), 2 << 20, 22));
        fatFiles.put("sub/x.bin", TestDisks.randomFile(dir.resolve("fat/x.bin"), 70_000, 23));
        TestDisks.mkfsVfat(file, parts.get(2), fatFiles, "-F", "32", "-n", "DATA");
        ntfsFiles.put("big.bin", TestDisks.randomFile(dir.resolve("ntfs/big.bin"), 5 << 19, 31));
        ntfsFiles.put("note.txt", TestDisks.randomFile(dir.resolve("ntfs/note.txt"), 300, 32));
        TestDisks.mkntfs(file, parts.get(3), ntfsFiles, "windows");
        staleBlocks = TestDisks.staleBlocks(file);
    }

    static GptDisk make(Path dir) throws IOException {
        return new GptDisk(dir);
    }

    boolean insidePartition(long offset) {
        return parts.values().stream().anyMatch(r -> offset >= r.start() && offset < r.end());
    }

    /** Checks every filesystem of {@code disk} read-only with its own checker and reads its files back. */
    void checkFilesystemsAndFiles(Path disk, Path work) throws IOException {
        Files.createDirectories(work);
        try (LoopDevice ext = LoopDevice.attach(disk, parts.get(1).start(), parts.get(1).length(), true)) {
            Tools.run("e2fsck", "-fn", ext.node());
            for (String f : List.of("hello.txt", "docs/random.bin", "docs/small.bin")) {
                Path out = work.resolve("ext-" + f.replace('/', '_'));
                Tools.run("debugfs", "-R", "dump /" + f + " " + out, ext.node());
                assertSame(extContent.resolve(f), out);
            }
        }
        try (LoopDevice fat = LoopDevice.attach(disk, parts.get(2).start(), parts.get(2).length(), true)) {
            Tools.run("fsck.vfat", "-n", fat.node());
        }
        for (Map.Entry<String, Path> e : fatFiles.entrySet()) {
            Path out = work.resolve("fat-" + e.getKey().replace('/', '_'));
            Tools.run("mcopy", "-n", "-i", disk + "@@" + parts.get(2).start(), "::/" + e.getKey(), out.toString());
            assertSame(e.getValue(), out);
        }
        try (LoopDevice ntfs = LoopDevice.attach(disk, parts.get(3).start(), parts.get(3).length(), true)) {
            Tools.run("ntfsfix", "-n", ntfs.node());
            for (Map.Entry<String, Path> e : ntfsFiles.entrySet()) {
                Tools.Result r = Tools.exec("ntfscat", ntfs.node(), e.getKey());
                if (r.exit() != 0) {
                    throw new AssertionError("ntfscat " + e.getKey() + " exited " + r.exit() + ": " + r.err());
                }
                byte[] got = r.out().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                if (!java.util.Arrays.equals(Files.readAllBytes(e.getValue()), got)) {
                    throw new AssertionError("NTFS file " + e.getKey() + " differs after the restore");
                }
            }
        }
    }

    private static void assertSame(Path want, Path got) throws IOException {
        long diff = Files.mismatch(want, got);
        if (diff != -1) {
            throw new AssertionError(got + " differs from " + want + " at byte " + diff);
        }
    }
}
