package io.backbench.discovery.probe;

import java.util.List;

/**
 * A partition table read from a device, with blkid's names.
 *
 * @param type       {@code gpt} or {@code dos}
 * @param id         GPT disk GUID or the MBR disk identifier as 8 hex digits (blkid's PTUUID)
 * @param sectorSize the sector size the table counts in
 * @param entries    the partitions, by number (MBR extended containers included, marked as such)
 * @param warnings   what was wrong but could be worked around, e.g. a damaged primary GPT header
 *                   or entry array when the backup was good (then the backup's table is returned)
 */
public record PartitionTable(String type, String id, int sectorSize, List<PartitionEntry> entries, List<String> warnings) {

    public PartitionTable {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
