package io.backbench.discovery.internal.fs;

import java.util.Map;

import io.backbench.device.api.FileSystemInfo;

/**
 * What one superblock says, with the names and formats blkid uses, so a user can compare our output
 * with {@code blkid -p}.
 *
 * @param type    blkid's TYPE, e.g. {@code ext4}, {@code vfat}, {@code crypto_LUKS}, {@code LVM2_member}
 * @param label   LABEL, "" if none
 * @param uuid    UUID, "" if none
 * @param version VERSION ({@code FAT32}, {@code 1.0}, ...), "" if the format has none
 * @param extra   further values (e.g. btrfs {@code uuid_sub}), keys lower case
 */
public record FsProbe(String type, String label, String uuid, String version, Map<String, String> extra) {

    public FsProbe {
        label = label == null ? "" : label;
        uuid = uuid == null ? "" : uuid;
        version = version == null ? "" : version;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    FsProbe(String type, String label, String uuid, String version) {
        this(type, label, uuid, version, Map.of());
    }

    public FileSystemInfo toInfo() {
        return new FileSystemInfo(type, label, uuid);
    }
}
