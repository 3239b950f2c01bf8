package io.backbench.discovery.internal.table;

import java.io.IOException;
import java.util.List;

import io.backbench.discovery.internal.source.BlockSource;

/**
 * A partition table read from a device: {@code gpt} or {@code dos} (blkid's PTTYPE names).
 *
 * @param type       {@code gpt} or {@code dos}
 * @param id         GPT disk GUID or the MBR disk identifier as 8 hex digits (blkid's PTUUID)
 * @param sectorSize the sector size the table counts in
 * @param entries    the partitions, by number
 * @param warnings   what was wrong but could be worked around (e.g. a damaged primary GPT header)
 */
public record PartitionTable(String type, String id, int sectorSize, List<PartitionEntry> entries,
                             List<String> warnings) {

    public PartitionTable {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The GPT on {@code source} counted in {@code sectorSize}-byte sectors, or null if none. */
    public static PartitionTable readGpt(BlockSource source, int sectorSize) throws IOException {
        return Gpt.read(source, sectorSize);
    }

    /**
     * The MBR table on {@code source}, or null if sector 0 holds none. A FAT or NTFS boot sector also
     * ends in 0x55AA: callers look for those filesystems first.
     */
    public static PartitionTable readMbr(BlockSource source, int sectorSize) throws IOException {
        return Mbr.read(source, sectorSize);
    }
}
