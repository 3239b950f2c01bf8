package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.backbench.imaging.api.VerifyReport.FsCheck;

/**
 * Runs a filesystem's own checker read-only on a restored partition: {@code e2fsck -fn},
 * {@code fsck.vfat -n}, {@code ntfsfix -n}. A partition inside a disk gets a read-only loop device
 * over its byte range ({@code losetup -r -o --sizelimit}, which needs root), detached afterwards.
 */
final class FsChecker {
    private static final Map<String, String> PACKAGE = Map.of("e2fsck", "e2fsprogs", "fsck.vfat", "dosfstools", "ntfsfix", "ntfs-3g",
            "losetup", "mount");

    private FsChecker() {
    }

    static boolean supported(String fsType) {
        return checker(fsType) != null;
    }

    private static List<String> checker(String fsType) {
        return switch (fsType) {
            case "ext2", "ext3", "ext4" -> List.of("e2fsck", "-fn");
            case "vfat" -> List.of("fsck.vfat", "-n");
            case "ntfs" -> List.of("ntfsfix", "-n");
            default -> null;
        };
    }

    static FsCheck check(Path target, int partition, long start, long length, long targetSize, String fsType) {
        List<String> cmd = new ArrayList<>(checker(fsType));
        if (start == 0 && length == targetSize) {
            cmd.add(target.toString());
            return run(partition, fsType, cmd);
        }
        Result loop = exec(List.of("losetup", "-r", "-f", "--show", "-o", Long.toString(start), "--sizelimit", Long.toString(length),
                target.toString()));
        if (loop.exit != 0) {
            return new FsCheck(partition, fsType, String.join(" ", cmd), loop.exit, "cannot attach a read-only loop device to check"
                    + " partition " + partition + " (this needs root): " + loop.output, false);
        }
        String device = loop.output.strip();
        try {
            cmd.add(device);
            return run(partition, fsType, cmd);
        } finally {
            exec(List.of("losetup", "-d", device));
        }
    }

    private static FsCheck run(int partition, String fsType, List<String> cmd) {
        Result r = exec(cmd);
        return new FsCheck(partition, fsType, String.join(" ", cmd), r.exit, r.output, r.exit == 0);
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> cmd) {
        try {
            Path out = Files.createTempFile("backbench-fsck", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(30, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return new Result(-1, cmd.get(0) + " did not finish within 30 minutes");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, "cannot run " + cmd.get(0) + " (install the Debian package "
                    + PACKAGE.getOrDefault(cmd.get(0), "that provides it") + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
