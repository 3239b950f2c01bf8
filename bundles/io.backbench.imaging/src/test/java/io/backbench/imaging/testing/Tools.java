package io.backbench.imaging.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Linux tools the tests use to make disks and as oracles. A missing tool fails the
 * test naming the Debian package to install (releng/debian-packages.txt): never a skip.
 */
public final class Tools {
    private static final Map<String, String> PACKAGE = Map.ofEntries(Map.entry("mkfs.ext4", "e2fsprogs"),
            Map.entry("mkfs.ext2", "e2fsprogs"), Map.entry("mkfs.ext3", "e2fsprogs"), Map.entry("e2fsck", "e2fsprogs"),
            Map.entry("dumpe2fs", "e2fsprogs"), Map.entry("debugfs", "e2fsprogs"), Map.entry("mkfs.vfat", "dosfstools"),
            Map.entry("fsck.vfat", "dosfstools"), Map.entry("mcopy", "mtools"), Map.entry("mdir", "mtools"),
            Map.entry("mkntfs", "ntfs-3g"), Map.entry("ntfscp", "ntfs-3g"), Map.entry("ntfscat", "ntfs-3g"),
            Map.entry("ntfsfix", "ntfs-3g"), Map.entry("ntfsinfo", "ntfs-3g"), Map.entry("ntfscluster", "ntfs-3g"), Map.entry("sgdisk", "gdisk"),
            Map.entry("losetup", "mount"), Map.entry("mount", "mount"), Map.entry("umount", "mount"), Map.entry("restic", "restic"),
            Map.entry("fsfreeze", "util-linux"));

    public record Result(int exit, String out, String err) {
    }

    private Tools() {
    }

    public static String run(String... command) throws IOException {
        Result r = exec(command);
        if (r.exit != 0) {
            throw new AssertionError("'" + String.join(" ", command) + "' exited " + r.exit + ":\n" + r.err + r.out);
        }
        return r.out;
    }

    public static Result exec(String... command) throws IOException {
        return exec(Map.of(), command);
    }

    public static Result exec(Map<String, String> env, String... command) throws IOException {
        requireTool(command[0]);
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within 300 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static void requireTool(String tool) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is not installed; install the Debian package " + PACKAGE.getOrDefault(tool, "that provides it")
                + " (see releng/debian-packages.txt)");
    }

    /** A sparse file of {@code size} bytes. */
    public static Path sparseFile(Path file, long size) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.allocate(1), size - 1);
        }
        return file;
    }
}
