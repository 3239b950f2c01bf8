package io.backbench.imaging.internal.map;

import java.io.IOException;
import java.util.List;

import io.backbench.imaging.api.BlockSource;

/**
 * FAT12/16/32 used clusters from the (active) FAT: an entry that is not 0 (free) and not the bad
 * cluster mark is in use. The reserved sectors, every FAT copy and the FAT12/16 root directory are
 * always in use; the FAT32 root directory is a cluster chain in the FAT like any directory. Bad
 * clusters are not read, as partclone does.
 */
final class FatMap {
    private FatMap() {
    }

    static UsedMap read(BlockSource src) throws IOException {
        FatVolume v = FatVolume.read(src);
        Extents.Builder used = new Extents.Builder();
        used.add(0, v.dataStart());
        long bad = v.badMark();
        for (long c = 2; c < v.clusters + 2; c++) {
            long e = v.entry(c);
            if (e != 0 && e != bad) {
                used.add(v.clusterOffset(c), v.clusterBytes);
            }
        }
        return new UsedMap("fat" + v.bits, (int) v.clusterBytes, v.totalSectors * v.bytesPerSector, used.build(), List.of());
    }
}
