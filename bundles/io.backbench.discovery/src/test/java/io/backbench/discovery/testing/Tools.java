package io.backbench.discovery.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Linux tools the tests use to make images and as oracles (mkfs.*, sgdisk, sfdisk,
 * blkid, lsblk, losetup). A missing tool fails the test with the package to install: never a skip.
 */
public final class Tools {
    private static final Map<String, String> PACKAGE = Map.ofEntries(Map.entry("mkfs.ext4", "e2fsprogs"),
            Map.entry("mkfs.ext3", "e2fsprogs"), Map.entry("mkfs.ext2", "e2fsprogs"), Map.entry("mkfs.vfat", "dosfstools"),
            Map.entry("mkntfs", "ntfs-3g"), Map.entry("mkswap", "util-linux"), Map.entry("mkfs.xfs", "xfsprogs"),
            Map.entry("mkfs.btrfs", "btrfs-progs"), Map.entry("cryptsetup", "cryptsetup-bin"),
            Map.entry("pvcreate", "lvm2"), Map.entry("sgdisk", "gdisk"), Map.entry("sfdisk", "fdisk"),
            Map.entry("blkid", "util-linux"), Map.entry("lsblk", "util-linux"), Map.entry("losetup", "mount"));

    private Tools() {
    }

    /** Runs the command; returns stdout. Fails with the command's stderr if it exits non-zero. */
    public static String run(String... command) throws IOException {
        return runWithInput(null, command);
    }

    /** Runs the command with {@code stdin} fed to it. */
    public static String runWithInput(String stdin, String... command) throws IOException {
        Result r = exec(stdin, command);
        if (r.exit != 0) {
            throw new AssertionError("'" + String.join(" ", command) + "' exited " + r.exit + ": " + r.err + r.out);
        }
        return r.out;
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result exec(String stdin, String... command) throws IOException {
        requireTool(command[0]);
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command[0], e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void requireTool(String tool) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new AssertionError(tool + " is not installed; install the Debian package "
                + PACKAGE.getOrDefault(tool, "that provides it") + " (see releng/debian-packages.txt)");
    }

    /** A sparse file of {@code size} bytes. */
    public static Path sparseFile(Path dir, String name, long size) throws IOException {
        Path f = dir.resolve(name);
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.write(java.nio.ByteBuffer.allocate(1), size - 1);
        }
        return f;
    }

    /**
     * What {@code blkid -p} finds at {@code offset} in {@code file}, with export's key names (TYPE,
     * LABEL, UUID, UUID_SUB, VERSION, PTTYPE, PTUUID). Read from {@code -o udev}, whose {@code _ENC}
     * values escape bytes as {@code \xNN} and so keep non-ASCII labels exact.
     */
    public static Map<String, String> blkid(Path file, long offset) throws IOException {
        Result r = exec(null, "blkid", "-p", "-o", "udev", "-O", Long.toString(offset), file.toString());
        Map<String, String> m = new LinkedHashMap<>();
        if (r.exit == 2) {
            return m; // nothing found
        }
        if (r.exit != 0) {
            throw new AssertionError("blkid -p on " + file + " at " + offset + " exited " + r.exit + ": " + r.err);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String line : r.out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                raw.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        raw.forEach((k, v) -> {
            if (k.startsWith("ID_FS_") && !k.endsWith("_ENC")) {
                String enc = raw.get(k + "_ENC");
                m.put(k.substring(6), decodeHex(enc != null ? enc : v));
            } else if (k.equals("ID_PART_TABLE_TYPE")) {
                m.put("PTTYPE", v);
            } else if (k.equals("ID_PART_TABLE_UUID")) {
                m.put("PTUUID", v);
            }
        });
        return m;
    }

    public static Map<String, String> blkid(Path file) throws IOException {
        return blkid(file, 0);
    }

    private static String decodeHex(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\x", i) && i + 4 <= s.length()) {
                b.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                b.writeBytes(String.valueOf(s.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Copies {@code part} into {@code disk} at byte {@code offset}, keeping holes where part is zero. */
    public static void place(Path part, Path disk, long offset) throws IOException {
        try (var in = java.nio.channels.FileChannel.open(part);
             var out = java.nio.channels.FileChannel.open(disk, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            long pos = 0;
            while (true) {
                buf.clear();
                int n = in.read(buf, pos);
                if (n < 0) {
                    break;
                }
                buf.flip();
                boolean zero = true;
                for (int i = 0; i < n && zero; i++) {
                    zero = buf.get(i) == 0;
                }
                if (!zero) {
                    out.write(buf, offset + pos);
                }
                pos += n;
            }
        }
    }

    /** Writes {@code bytes} at {@code offset} of {@code file} (for damaging a header on purpose). */
    public static void poke(Path file, long offset, byte... bytes) throws IOException {
        try (var out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(bytes), offset);
        }
    }

    /**
     * Inverts the byte at {@code offset}: damage that always changes it (writing a fixed value into a
     * random field, such as a disk GUID, left it as it was once in 256 runs).
     */
    public static void flip(Path file, long offset) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            if (ch.read(b, offset) != 1) {
                throw new IOException("no byte at " + offset + " in " + file);
            }
            b.put(0, (byte) ~b.get(0)).rewind();
            ch.write(b, offset);
        }
    }

    public static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
