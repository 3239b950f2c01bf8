package io.backbench.imaging.internal.map;

import java.util.List;

/**
 * The blocks one filesystem uses, from its own allocation structures.
 *
 * @param method    how it was found, for the metadata and messages: {@code ext-bitmap}, {@code fat},
 *                  {@code ntfs-bitmap}, or {@code whole} (every byte)
 * @param blockSize the allocation unit in bytes (cluster size), 0 for {@code whole}
 * @param fsBytes   how far the filesystem reaches from its start; beyond that the container is read whole
 * @param used      the bytes in use, relative to the filesystem's start
 * @param warnings  what was odd but worked around
 */
public record UsedMap(String method, int blockSize, long fsBytes, Extents used, List<String> warnings) {

    public UsedMap {
        warnings = List.copyOf(warnings);
    }

    public static UsedMap whole(long size, List<String> warnings) {
        return new UsedMap("whole", 0, size, Extents.of(0, size), warnings);
    }
}
