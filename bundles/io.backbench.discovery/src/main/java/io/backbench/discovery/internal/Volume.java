package io.backbench.discovery.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.backbench.discovery.internal.fs.FileSystems;
import io.backbench.discovery.internal.fs.FsProbe;
import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.table.PartitionEntry;
import io.backbench.discovery.internal.table.PartitionTable;

/**
 * What is on a whole device or image: either a filesystem that starts at byte 0, or a partition
 * table and a filesystem (or none) per partition.
 *
 * @param filesystem   the filesystem on the whole device, or null
 * @param table        the partition table, or null
 * @param partitionFs  by partition number, the filesystem found in each partition
 */
record Volume(FsProbe filesystem, PartitionTable table, Map<Integer, FsProbe> partitionFs) {
    /** Formats whose boot sector is also sector 0 of the disk, so a 0x55AA there is theirs, not an MBR's. */
    private static final Set<String> OWN_SECTOR_ZERO = Set.of("vfat", "ntfs");

    static final Volume EMPTY = new Volume(null, null, Map.of());

    /**
     * Reads {@code source}.
     *
     * @param sectorSize the logical sector size, or 0 to find it from the table (image files)
     */
    static Volume read(BlockSource source, int sectorSize) throws IOException {
        PartitionTable table = null;
        for (int size : sectorSize > 0 ? new int[] {sectorSize} : new int[] {512, 4096}) {
            table = PartitionTable.readGpt(source, size);
            if (table != null) {
                break;
            }
        }
        FsProbe whole = null;
        if (table == null) {
            whole = FileSystems.probe(source);
            if (whole == null || !OWN_SECTOR_ZERO.contains(whole.type())) {
                PartitionTable mbr = PartitionTable.readMbr(source, sectorSize > 0 ? sectorSize : 512);
                if (mbr != null) {
                    table = mbr;
                    whole = null;
                }
            }
        }
        if (table == null) {
            return new Volume(whole, null, Map.of());
        }
        Map<Integer, FsProbe> fs = new HashMap<>();
        for (PartitionEntry e : table.entries()) {
            if (e.extended()) {
                continue;
            }
            BlockSource part = source.slice(e.start(table.sectorSize()), e.size(table.sectorSize()));
            FsProbe p = FileSystems.probe(part);
            if (p != null) {
                fs.put(e.number(), p);
            }
        }
        return new Volume(null, table, Map.copyOf(fs));
    }
}
