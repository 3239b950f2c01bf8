package io.backbench.device.api;

import java.util.Objects;

/**
 * The filesystem found on a device or partition.
 *
 * @param type  the filesystem type as blkid names it, lower case: {@code ext4}, {@code xfs},
 *              {@code btrfs}, {@code vfat}, {@code ntfs}, {@code swap}, ...
 * @param label the volume label, or {@code ""} if it has none
 * @param uuid  the filesystem UUID (or serial for vfat/ntfs), or {@code ""} if unknown
 */
public record FileSystemInfo(String type, String label, String uuid) {
    public FileSystemInfo {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("filesystem type is blank; leave the filesystem out (null) when unknown");
        }
        label = label == null ? "" : label;
        uuid = uuid == null ? "" : uuid;
    }
}
