package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u32;
import static io.backbench.imaging.internal.map.Le.u8;

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
    private static final long FAT12_CLUSTERS = 4085;
    private static final long FAT16_CLUSTERS = 65525;

    private FatMap() {
    }

    static UsedMap read(BlockSource src) throws IOException {
        byte[] bs = new byte[512];
        src.read(0, bs, 0, 512);
        int bps = u16(bs, 0x0B);
        int spc = u8(bs, 0x0D);
        int reserved = u16(bs, 0x0E);
        int fats = u8(bs, 0x10);
        int rootEntries = u16(bs, 0x11);
        long totalSectors = u16(bs, 0x13) != 0 ? u16(bs, 0x13) : u32(bs, 0x20);
        long fatSectors = u16(bs, 0x16) != 0 ? u16(bs, 0x16) : u32(bs, 0x24);
        if (Integer.bitCount(bps) != 1 || bps < 512 || bps > 4096 || Integer.bitCount(spc) != 1 || reserved == 0 || fats == 0
                || fatSectors == 0) {
            throw new FsMapException("the FAT boot sector's geometry is invalid (" + bps + " bytes/sector, " + spc
                    + " sectors/cluster, " + fats + " FATs)");
        }
        long rootSectors = ((long) rootEntries * 32 + bps - 1) / bps;
        long firstDataSector = reserved + fats * fatSectors + rootSectors;
        if (totalSectors * bps > src.size() || firstDataSector >= totalSectors) {
            throw new FsMapException("the FAT boot sector says " + totalSectors + " sectors of " + bps
                    + " bytes, which does not fit the " + src.size() + " bytes of the partition");
        }
        long clusters = (totalSectors - firstDataSector) / spc;
        int bits = clusters < FAT12_CLUSTERS ? 12 : clusters < FAT16_CLUSTERS ? 16 : 32;
        int activeFat = 0;
        if (bits == 32) {
            int extFlags = u16(bs, 0x28);
            if ((extFlags & 0x80) != 0) {
                activeFat = Math.min(extFlags & 0x0F, fats - 1);
            }
        }
        long fatBytes = fatSectors * bps;
        long needed = (bits == 12 ? (clusters + 2) * 3 / 2 + 1 : (clusters + 2) * bits / 8);
        if (needed > fatBytes) {
            throw new FsMapException("the FAT of " + fatBytes + " bytes is too short for " + clusters + " clusters");
        }
        byte[] fat = new byte[(int) needed];
        src.read((reserved + activeFat * fatSectors) * bps, fat, 0, fat.length);

        Extents.Builder used = new Extents.Builder();
        used.add(0, firstDataSector * bps);
        long clusterBytes = (long) spc * bps;
        long dataStart = firstDataSector * bps;
        long bad = bits == 12 ? 0xFF7 : bits == 16 ? 0xFFF7 : 0x0FFFFFF7L;
        for (long c = 2; c < clusters + 2; c++) {
            long v = entry(fat, c, bits);
            if (v != 0 && v != bad) {
                used.add(dataStart + (c - 2) * clusterBytes, clusterBytes);
            }
        }
        return new UsedMap("fat" + bits, (int) clusterBytes, totalSectors * bps, used.build(), List.of());
    }

    private static long entry(byte[] fat, long c, int bits) {
        switch (bits) {
            case 12: {
                int off = (int) (c + c / 2);
                int v = u16(fat, off);
                return (c & 1) == 0 ? v & 0xFFF : v >>> 4;
            }
            case 16:
                return u16(fat, (int) (c * 2));
            default:
                return u32(fat, (int) (c * 4)) & 0x0FFFFFFFL;
        }
    }
}
