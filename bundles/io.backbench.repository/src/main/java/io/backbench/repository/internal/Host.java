package io.backbench.repository.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who and where we are, as restic records it in key, lock and snapshot files. */
final class Host {
    private Host() {
    }

    /** The host name as Go's os.Hostname reads it on Linux, so that restic and we agree on "same host". */
    static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static String username() {
        return System.getProperty("user.name", "");
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** The real uid and gid from /proc/self/status, or 0 where that does not exist. */
    static long[] uidGid() {
        long[] out = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    out[0] = Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                } else if (line.startsWith("Gid:")) {
                    out[1] = Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave zeros, which restic omits too
        }
        return out;
    }
}
