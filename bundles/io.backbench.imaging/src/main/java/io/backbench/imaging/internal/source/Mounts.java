package io.backbench.imaging.internal.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Mounted filesystems and active swap areas on a device, from {@code /proc/self/mountinfo} and {@code /proc/swaps}. */
public final class Mounts {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path SWAPS = Path.of("/proc/swaps");

    /**
     * One mount.
     *
     * @param device     {@code major:minor}
     * @param mountPoint where
     * @param fsType     the filesystem type
     * @param writable   mounted read-write (both the mount and the superblock)
     */
    public record Mount(String device, String mountPoint, String fsType, boolean writable) {
    }

    private Mounts() {
    }

    /** The mounts of {@code path} (a device or an image file behind loop devices) and everything built on it. */
    public static List<Mount> of(Path path) throws IOException {
        return of(DeviceNodes.family(path));
    }

    static List<Mount> of(Set<String> devices) throws IOException {
        List<Mount> out = new ArrayList<>();
        if (devices.isEmpty() || !Files.isReadable(MOUNTINFO)) {
            return out;
        }
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (f.length < 7 || dash < 6 || dash + 3 >= f.length || !devices.contains(f[2])) {
                continue;
            }
            boolean rw = hasRw(f[5]) && hasRw(f[dash + 3]);
            out.add(new Mount(f[2], decode(f[4]), f[dash + 1], rw));
        }
        return out;
    }

    /** Active swap areas on {@code path} or anything built on it, as {@code /proc/swaps} names them. */
    public static List<String> swapsOn(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isReadable(SWAPS)) {
            return out;
        }
        Set<String> family = DeviceNodes.family(path);
        List<String> lines = Files.readAllLines(SWAPS, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String name = decode(line.split("\\s+")[0]);
            Path p = Path.of(name);
            if (DeviceNodes.isBlockDevice(p) && family.contains(DeviceNodes.majorMinor(p))) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean hasRw(String options) {
        return Arrays.asList(options.split(",")).contains("rw");
    }

    /** Undoes the kernel's octal escapes ({@code \040} for a space). */
    static String decode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
