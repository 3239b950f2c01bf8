package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.internal.image.ImageMetadata;
import io.backbench.imaging.internal.source.DeviceNodes;
import io.backbench.imaging.internal.source.Mounts;
import io.backbench.repository.api.Sizes;

/**
 * Checks a restore target before anything is written: not smaller than the image, nothing on it
 * mounted or used as swap, not the image's own source (unless allowed), and a partition table's
 * sector size matches. Every refusal says what to do instead.
 */
final class TargetGuard {
    private TargetGuard() {
    }

    /** The source path an image was taken from ({@code path#N} names a partition of {@code path}). */
    static Path sourcePath(ImageMetadata m) {
        String s = m.source();
        int hash = s.lastIndexOf('#');
        return Path.of(hash > 0 ? s.substring(0, hash) : s);
    }

    static void check(ImageMetadata m, Path target, long targetSize, boolean overwriteSource) throws IOException {
        if (!overwriteSource && isSource(m, target)) {
            throw new ImagingException(target + " is the device or file this image was taken from ("
                    + m.source() + "); restoring onto it would overwrite the source. Restore to another device or file, or"
                    + " confirm with --overwrite-source");
        }
        List<String> busy = new ArrayList<>();
        for (Mounts.Mount mount : Mounts.of(target)) {
            busy.add(mount.mountPoint() + " (" + mount.fsType() + (mount.writable() ? "" : ", read-only") + ")");
        }
        for (String swap : Mounts.swapsOn(target)) {
            busy.add(swap + " (active swap)");
        }
        if (!busy.isEmpty()) {
            throw new ImagingException(target + " is in use: mounted at " + String.join(", ", busy)
                    + ". Restoring would destroy the mounted filesystems: unmount them (swapoff for swap) first");
        }
        if (targetSize < m.size()) {
            throw new ImagingException(target + " is " + Sizes.human(targetSize) + " (" + targetSize + " bytes), smaller than the"
                    + " image (" + Sizes.human(m.size()) + ", " + m.size() + " bytes); restore to a device or file of at least "
                    + m.size() + " bytes");
        }
        if (DeviceNodes.isBlockDevice(target) && !m.tableType().isEmpty()) {
            int ss = DeviceNodes.logicalSectorSize(target);
            if (ss != m.sectorSize()) {
                throw new ImagingException(target + " has " + ss + "-byte sectors but the image's " + m.tableType()
                        + " partition table counts " + m.sectorSize() + "-byte sectors; its partitions would be misplaced."
                        + " Restore to a device with " + m.sectorSize() + "-byte sectors");
            }
        }
    }

    private static boolean isSource(ImageMetadata m, Path target) throws IOException {
        Path source = sourcePath(m);
        if (Files.exists(target) && DeviceNodes.sameDeviceOrFile(target, source)) {
            return true;
        }
        if (!m.sourceDevice().isEmpty() && DeviceNodes.isBlockDevice(target)) {
            return DeviceNodes.majorMinor(target).equals(m.sourceDevice());
        }
        return false;
    }

    /** The target's size: a device's, or an existing file's; -1 if the file does not exist yet. */
    static long size(Path target) throws IOException {
        if (!Files.exists(target)) {
            return -1;
        }
        if (!DeviceNodes.isBlockDevice(target) && !Files.isRegularFile(target)) {
            throw new ImagingException(target + " is neither a block device nor a regular file; restore to a device or an image file");
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            return ch.size();
        }
    }
}
