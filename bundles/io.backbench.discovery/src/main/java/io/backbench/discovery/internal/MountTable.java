package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where block devices are mounted, from {@code /proc/self/mountinfo}: by device number
 * ({@code major:minor}) and, for filesystems such as btrfs that report an anonymous device number,
 * by the mount source ({@code /dev/loop0}).
 */
final class MountTable {
    static final MountTable EMPTY = new MountTable(Map.of(), Map.of());

    private final Map<String, List<String>> byDevice;
    private final Map<String, List<String>> bySource;

    private MountTable(Map<String, List<String>> byDevice, Map<String, List<String>> bySource) {
        this.byDevice = byDevice;
        this.bySource = bySource;
    }

    /** Reads the file; a missing file (no /proc) gives an empty table. */
    static MountTable read(Path mountinfo) throws IOException {
        if (!Files.exists(mountinfo)) {
            return EMPTY;
        }
        return parse(Files.readAllLines(mountinfo, StandardCharsets.UTF_8));
    }

    /**
     * Parses mountinfo lines: {@code id parent major:minor root mountpoint options [optional...] -
     * fstype source superoptions}. Malformed lines are skipped.
     */
    static MountTable parse(List<String> lines) {
        Map<String, List<String>> byDevice = new HashMap<>();
        Map<String, List<String>> bySource = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            int dash = indexOf(f, "-");
            if (f.length < 7 || dash < 6 || dash + 2 >= f.length) {
                continue;
            }
            String mountPoint = decode(f[4]);
            byDevice.computeIfAbsent(f[2], k -> new ArrayList<>()).add(mountPoint);
            String source = decode(f[dash + 2]);
            if (source.startsWith("/")) {
                bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(mountPoint);
            }
        }
        return new MountTable(byDevice, bySource);
    }

    /** Mount points of the device with number {@code majorMinor} or mount source {@code path}, in mount order. */
    List<String> mountPoints(String majorMinor, String path) {
        List<String> out = new ArrayList<>(byDevice.getOrDefault(majorMinor, List.of()));
        for (String m : bySource.getOrDefault(path, List.of())) {
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static int indexOf(String[] f, String s) {
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    /** Undoes the kernel's octal escapes for space, tab, newline and backslash ({@code \040} etc.). */
    static String decode(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int at) {
        if (at + 3 > s.length()) {
            return false;
        }
        for (int i = at; i < at + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
