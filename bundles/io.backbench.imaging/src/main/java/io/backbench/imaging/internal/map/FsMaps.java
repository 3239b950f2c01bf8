package io.backbench.imaging.internal.map;

import java.io.IOException;
import java.util.List;

import io.backbench.imaging.api.BlockSource;

/**
 * Picks the used-block reader for a filesystem type (blkid's names). A type without one, or one
 * whose structures are damaged, is read whole, with a warning for the damage.
 */
public final class FsMaps {
    private FsMaps() {
    }

    /** Whether a bitmap reader exists for {@code fsType}. */
    public static boolean supported(String fsType) {
        return fsType != null && switch (fsType) {
            case "ext2", "ext3", "ext4", "vfat", "ntfs" -> true;
            default -> false;
        };
    }

    /**
     * The used map of the filesystem {@code fsType} filling {@code source}; blocks past the end of
     * the filesystem (up to the source's end) count as used.
     */
    public static UsedMap map(BlockSource source, String fsType) throws IOException {
        if (!supported(fsType)) {
            return UsedMap.whole(source.size(), List.of());
        }
        UsedMap m;
        try {
            m = switch (fsType) {
                case "vfat" -> FatMap.read(source);
                case "ntfs" -> NtfsMap.read(source);
                default -> ExtMap.read(source);
            };
        } catch (FsMapException e) {
            return UsedMap.whole(source.size(), List.of(fsType + " on " + source.describe() + ": " + e.getMessage()
                    + "; it is imaged whole"));
        }
        if (m.fsBytes() < source.size()) {
            Extents used = m.used().union(Extents.of(m.fsBytes(), source.size() - m.fsBytes()));
            return new UsedMap(m.method(), m.blockSize(), m.fsBytes(), used, m.warnings());
        }
        return m;
    }
}
