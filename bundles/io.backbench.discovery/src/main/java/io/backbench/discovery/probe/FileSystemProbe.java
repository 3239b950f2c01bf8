package io.backbench.discovery.probe;

import java.util.Map;

/**
 * What one superblock says, with the names and formats {@code blkid -p} uses.
 *
 * @param type      blkid's TYPE, e.g. {@code ext4}, {@code vfat}, {@code ntfs}, {@code crypto_LUKS}
 * @param label     LABEL, "" if none
 * @param uuid      UUID, "" if none
 * @param version   VERSION ({@code FAT32}, {@code 1.0}, ...), "" if the format has none
 * @param blockSize the filesystem's allocation unit in bytes (ext/xfs block, FAT/NTFS cluster), 0
 *                  where the format has none or it is not read (LUKS, LVM, swap, btrfs)
 * @param bytes     the filesystem's size as its superblock gives it (ext/xfs blocks, FAT/NTFS sectors
 *                  times their size), 0 where not read; it may be less than the partition
 * @param extra     further values (e.g. btrfs {@code uuid_sub}), keys lower case
 */
public record FileSystemProbe(String type, String label, String uuid, String version, int blockSize, long bytes,
        Map<String, String> extra) {

    public FileSystemProbe {
        label = label == null ? "" : label;
        uuid = uuid == null ? "" : uuid;
        version = version == null ? "" : version;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
