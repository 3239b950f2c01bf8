package io.backbench.imaging.internal.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Block device facts from the device node and sysfs: device numbers, sector size, the partitions
 * and holders (device-mapper, LVM) built on a device, and the loop devices backed by a file.
 */
public final class DeviceNodes {
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;
    private static final Path SYS_DEV_BLOCK = Path.of("/sys/dev/block");
    private static final Path SYS_BLOCK = Path.of("/sys/block");

    private DeviceNodes() {
    }

    public static boolean isBlockDevice(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFBLK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code major:minor} of a block device node, as sysfs and mountinfo spell it. */
    public static String majorMinor(Path device) throws IOException {
        return decode((Long) Files.getAttribute(device, "unix:rdev"));
    }

    private static String decode(long rdev) {
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        return major + ":" + minor;
    }

    /** {@code major:minor} of the device holding the filesystem that {@code path} is on. */
    public static String fileSystemDevice(Path path) throws IOException {
        return decode((Long) Files.getAttribute(path, "unix:dev"));
    }

    /** The logical sector size of a device (a partition's is its disk's), 512 if sysfs does not say. */
    public static int logicalSectorSize(Path device) throws IOException {
        Path dir = sysDir(majorMinor(device));
        for (Path d : new Path[] {dir, dir.getParent()}) {
            Path f = d.resolve("queue/logical_block_size");
            if (Files.isReadable(f)) {
                return Integer.parseInt(Files.readString(f, StandardCharsets.US_ASCII).strip());
            }
        }
        return 512;
    }

    /**
     * The device numbers of a device node and of everything built on it: its partitions and,
     * recursively, their holders. For a regular file: those of every loop device backed by it.
     */
    public static Set<String> family(Path path) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (isBlockDevice(path)) {
            collect(sysDir(majorMinor(path)), out);
        } else {
            for (Path loop : loopDevicesBackedBy(path)) {
                collect(loop, out);
            }
        }
        return out;
    }

    /** The sysfs folders of loop devices whose backing file is {@code file}. */
    public static List<Path> loopDevicesBackedBy(Path file) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(SYS_BLOCK) || !Files.exists(file)) {
            return out;
        }
        Path real = file.toRealPath();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SYS_BLOCK, "loop*")) {
            for (Path d : ds) {
                Path bf = d.resolve("loop/backing_file");
                if (Files.isReadable(bf)) {
                    String backing = Files.readString(bf, StandardCharsets.UTF_8).strip();
                    if (backing.equals(real.toString())) {
                        out.add(d.toRealPath());
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code a} and {@code b} are the same device or file (a device by number, a file by inode). */
    public static boolean sameDeviceOrFile(Path a, Path b) {
        try {
            if (isBlockDevice(a) && isBlockDevice(b)) {
                return majorMinor(a).equals(majorMinor(b));
            }
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path sysDir(String majorMinor) throws IOException {
        Path link = SYS_DEV_BLOCK.resolve(majorMinor);
        if (!Files.exists(link)) {
            throw new IOException("sysfs has no block device " + majorMinor + " (" + link + ")");
        }
        return link.toRealPath();
    }

    private static void collect(Path dir, Set<String> out) throws IOException {
        Path dev = dir.resolve("dev");
        if (!Files.isReadable(dev) || !out.add(Files.readString(dev, StandardCharsets.US_ASCII).strip())) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path sub : ds) {
                if (Files.exists(sub.resolve("partition"))) {
                    collect(sub, out);
                }
            }
        }
        Path holders = dir.resolve("holders");
        if (Files.isDirectory(holders)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(holders)) {
                for (Path h : ds) {
                    collect(h.toRealPath(), out);
                }
            }
        }
    }
}
