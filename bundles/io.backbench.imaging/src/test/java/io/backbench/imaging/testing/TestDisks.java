package io.backbench.imaging.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.backbench.imaging.api.ByteRange;

/**
 * Disks made with the real tools as a reused disk looks: first filled with stale random data (each
 * 512-byte sector starts with a marker and its own offset, so a test can tell which blocks no tool
 * wrote afterwards), then partitioned by sgdisk and formatted through loop devices with the
 * formatters' own options for keeping old data (no discard).
 */
public final class TestDisks {
    /** The unit of staleness: every 512-byte sector starts with the marker and its own offset. */
    public static final int BLOCK = 512;
    private static final byte[] MARK = "BBSTALE!".getBytes(StandardCharsets.US_ASCII);

    /** A partition made by a test: its number, byte range and filesystem. */
    public record Part(int number, long start, long length, String fs) {
        public ByteRange range() {
            return new ByteRange(start, length);
        }
    }

    private TestDisks() {
    }

    /** Fills {@code file} (created, {@code size} bytes) with stale random blocks. */
    public static Path stale(Path file, long size, long seed) throws IOException {
        Random rnd = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long pos = 0; pos < size; pos += buf.length) {
                rnd.nextBytes(buf);
                for (int b = 0; b < buf.length; b += BLOCK) {
                    ByteBuffer.wrap(buf, b, 16).put(MARK).putLong(pos + b);
                }
                ch.write(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, size - pos)), pos);
            }
        }
        return file;
    }

    /** Offsets of the sectors of {@code file} that still hold their stale marker. */
    public static List<Long> staleBlocks(Path file) throws IOException {
        List<Long> out = new ArrayList<>();
        byte[] buf = new byte[1 << 20];
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            for (long pos = 0; pos < size; pos += buf.length) {
                int n = (int) Math.min(buf.length, size - pos);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining() && ch.read(bb, pos + bb.position()) >= 0) {
                    // fill
                }
                for (int b = 0; b + 16 <= n; b += BLOCK) {
                    if (java.util.Arrays.equals(buf, b, b + 8, MARK, 0, 8) && ByteBuffer.wrap(buf, b + 8, 8).getLong() == pos + b) {
                        out.add(pos + b);
                    }
                }
            }
        }
        return out;
    }

    /** The partitions sgdisk lists for {@code disk}: number to [first byte, length). */
    public static Map<Integer, ByteRange> partitions(Path disk) throws IOException {
        Map<Integer, ByteRange> out = new LinkedHashMap<>();
        for (String line : Tools.run("sgdisk", "-p", disk.toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].matches("\\d+") && f[1].matches("\\d+") && f[2].matches("\\d+")) {
                long first = Long.parseLong(f[1]) * 512;
                long last = Long.parseLong(f[2]) * 512 + 512;
                out.put(Integer.parseInt(f[0]), new ByteRange(first, last - first));
            }
        }
        return out;
    }

    /** Writes {@code count} random bytes (from {@code seed}) to a new file. */
    public static Path randomFile(Path file, int count, long seed) throws IOException {
        byte[] b = new byte[count];
        new Random(seed).nextBytes(b);
        Files.createDirectories(file.getParent());
        Files.write(file, b);
        return file;
    }

    /** Makes an ext filesystem over a loop device on {@code disk}'s byte range, filled from {@code content}. */
    public static void mkfsExt(Path disk, ByteRange r, String type, Path content, String... extra) throws IOException {
        try (LoopDevice loop = LoopDevice.attach(disk, r.start(), r.length(), false)) {
            List<String> cmd = new ArrayList<>(List.of("mkfs." + type, "-q", "-F", "-E", "nodiscard,lazy_itable_init=0,lazy_journal_init=0"));
            cmd.addAll(List.of(extra));
            if (content != null) {
                cmd.addAll(List.of("-d", content.toString()));
            }
            cmd.add(loop.node());
            Tools.run(cmd.toArray(String[]::new));
        }
    }

    /** Makes a FAT filesystem (mkfs.vfat {@code options}) on the range and copies {@code files} (name to local file) into it. */
    public static void mkfsVfat(Path disk, ByteRange r, Map<String, Path> files, String... options) throws IOException {
        try (LoopDevice loop = LoopDevice.attach(disk, r.start(), r.length(), false)) {
            List<String> cmd = new ArrayList<>(List.of("mkfs.vfat"));
            cmd.addAll(List.of(options));
            cmd.add(loop.node());
            Tools.run(cmd.toArray(String[]::new));
            for (Map.Entry<String, Path> e : files.entrySet()) {
                if (e.getKey().contains("/")) {
                    Tools.exec("mmd", "-i", loop.node(), "::/" + e.getKey().substring(0, e.getKey().lastIndexOf('/')));
                }
                Tools.run("mcopy", "-i", loop.node(), e.getValue().toString(), "::/" + e.getKey());
            }
        }
    }

    /** Makes an NTFS filesystem (quick: old data stays) on the range and copies {@code files} into its root. */
    public static void mkntfs(Path disk, ByteRange r, Map<String, Path> files, String label) throws IOException {
        try (LoopDevice loop = LoopDevice.attach(disk, r.start(), r.length(), false)) {
            Tools.run("mkntfs", "-Q", "-F", "-L", label, "-p", Long.toString(r.start() / 512), "-H", "255", "-S", "63", loop.node());
            for (Map.Entry<String, Path> e : files.entrySet()) {
                Tools.run("ntfscp", "-f", loop.node(), e.getValue().toString(), e.getKey());
            }
        }
    }
}
