package io.backbench.backup.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the acceptance tree: every entry type, odd names, modes with set-id and sticky bits,
 * owners, hard links, xattrs, a sparse file, nanosecond times on everything (set last, children
 * before their folder). About 8 MiB.
 */
public final class Fixture {
    private Fixture() {
    }

    public static void build(Path root, long seed) throws IOException {
        Random rnd = new Random(seed);
        Files.createDirectories(root);
        Path plain = Files.createDirectories(root.resolve("plain"));
        Files.writeString(plain.resolve("text.txt"), "hello, restic\n".repeat(100), StandardCharsets.UTF_8);
        Files.write(plain.resolve("random.bin"), bytes(rnd, 3 << 20));
        Files.write(plain.resolve("small.bin"), bytes(rnd, 70_000));
        Files.write(plain.resolve("empty"), new byte[0]);
        Files.createDirectories(root.resolve("empty dir"));
        Files.createDirectories(root.resolve("deep/er/and/deeper"));
        Files.writeString(root.resolve("deep/er/and/deeper/leaf"), "leaf\n");
        Files.writeString(root.resolve("with space.txt"), "space\n");
        Files.writeString(root.resolve("new\nline"), "newline\n");
        Files.writeString(root.resolve("tab\tname"), "tab\n");
        Files.writeString(root.resolve("ünïcødé ✓ 日本"), "unicode\n");
        Files.writeString(root.resolve("a".repeat(250)), "long name\n");
        Files.writeString(root.resolve("b".repeat(120) + "é".repeat(65)), "250 bytes with two-byte letters\n");
        // hard links: a group of three, one in another folder
        Files.write(root.resolve("hard1"), bytes(rnd, 100_000));
        Files.createLink(root.resolve("hard2"), root.resolve("hard1"));
        Files.createLink(root.resolve("deep/hard3"), root.resolve("hard1"));
        // symlinks: relative, absolute, dangling, to a folder
        Files.createSymbolicLink(root.resolve("link-rel"), Path.of("plain/text.txt"));
        Files.createSymbolicLink(root.resolve("link-abs"), Path.of("/nonexistent/absolute target"));
        Files.createSymbolicLink(root.resolve("link-dangling"), Path.of("nowhere/at all"));
        Files.createSymbolicLink(root.resolve("link-dir"), Path.of("deep"));
        run("mkfifo", root.resolve("fifo").toString());
        run("mknod", root.resolve("chardev").toString(), "c", "1", "3");
        run("mknod", root.resolve("blockdev").toString(), "b", "7", "200");
        // a sparse file: 6 MiB with data only at 2 MiB and at the end
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("sparse.img").toFile(), "rw")) {
            f.setLength(6 << 20);
            f.seek(2 << 20);
            f.write(bytes(rnd, 5000));
            f.seek((6 << 20) - 10);
            f.write("the end.\n\n".getBytes(StandardCharsets.US_ASCII));
        }
        xattr(plain.resolve("text.txt"), "user.comment", "a comment".getBytes(StandardCharsets.UTF_8));
        xattr(plain.resolve("text.txt"), "user.binary", new byte[] {0, 1, 2, (byte) 0xff});
        xattr(plain, "user.folder", "on a folder".getBytes(StandardCharsets.UTF_8));
        Files.writeString(root.resolve("setuid"), "#!/bin/sh\n");
        mode(root.resolve("setuid"), 04755);
        mode(root.resolve("plain/small.bin"), 0600);
        mode(root.resolve("plain/empty"), 0);
        Path sticky = Files.createDirectories(root.resolve("sticky"));
        mode(sticky, 01777);
        Path setgid = Files.createDirectories(root.resolve("setgid"));
        Files.writeString(setgid.resolve("inside"), "x");
        mode(setgid, 02750);
        Files.setAttribute(root.resolve("with space.txt"), "unix:uid", 1234, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(root.resolve("with space.txt"), "unix:gid", 5678, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(root.resolve("link-rel"), "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);
        stampTimes(root, rnd);
    }

    /** Gives every entry its own nanosecond mtime and atime, children before their folder. */
    public static void stampTimes(Path root, Random rnd) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path p : all) {
            long sec = 1_500_000_000L + rnd.nextInt(100_000_000);
            setTimes(p, Instant.ofEpochSecond(sec, 1 + rnd.nextInt(999_999_999)), Instant.ofEpochSecond(sec + 5, rnd.nextInt(1_000_000_000)));
        }
    }

    /** Sets times by name with touch -h (no open: safe for FIFOs, devices, symlinks), nanoseconds kept. */
    public static void setTimes(Path p, Instant mtime, Instant atime) throws IOException {
        run("touch", "-h", "-m", "-d", String.format("@%d.%09d", mtime.getEpochSecond(), mtime.getNano()), "--", p.toString());
        run("touch", "-h", "-a", "-d", String.format("@%d.%09d", atime.getEpochSecond(), atime.getNano()), "--", p.toString());
    }

    public static void xattr(Path p, String name, byte[] value) throws IOException {
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class).write(name.substring("user.".length()), ByteBuffer.wrap(value));
    }

    public static void mode(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    public static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    public static void run(String... cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
