package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u32;
import static io.backbench.imaging.internal.map.Le.u8;

import java.io.IOException;

import io.backbench.imaging.api.BlockSource;

/**
 * A FAT12/16/32 volume's geometry from its boot sector and its active FAT, checked against the
 * source so that every cluster number it hands out lies inside it. Read once on the calling thread.
 */
final class FatVolume {
    private static final long FAT12_CLUSTERS = 4085;
    private static final long FAT16_CLUSTERS = 65525;

    final int bytesPerSector;
    final long totalSectors;
    final long firstDataSector;
    final long rootDirSectors;
    final long rootDirStart;
    final long clusters;
    final int bits;
    final long clusterBytes;
    final long rootCluster;
    private final byte[] fat;

    private FatVolume(BlockSource src) throws IOException {
        byte[] bs = new byte[512];
        src.read(0, bs, 0, 512);
        bytesPerSector = u16(bs, 0x0B);
        int spc = u8(bs, 0x0D);
        int reserved = u16(bs, 0x0E);
        int fats = u8(bs, 0x10);
        int rootEntries = u16(bs, 0x11);
        totalSectors = u16(bs, 0x13) != 0 ? u16(bs, 0x13) : u32(bs, 0x20);
        long fatSectors = u16(bs, 0x16) != 0 ? u16(bs, 0x16) : u32(bs, 0x24);
        int bps = bytesPerSector;
        if (Integer.bitCount(bps) != 1 || bps < 512 || bps > 4096 || Integer.bitCount(spc) != 1 || reserved == 0 || fats == 0
                || fatSectors == 0) {
            throw new FsMapException("the FAT boot sector's geometry is invalid (" + bps + " bytes/sector, " + spc
                    + " sectors/cluster, " + fats + " FATs)");
        }
        rootDirSectors = ((long) rootEntries * 32 + bps - 1) / bps;
        rootDirStart = (reserved + fats * fatSectors) * bps;
        firstDataSector = reserved + fats * fatSectors + rootDirSectors;
        if (totalSectors * bps > src.size() || firstDataSector >= totalSectors) {
            throw new FsMapException("the FAT boot sector says " + totalSectors + " sectors of " + bps
                    + " bytes, which does not fit the " + src.size() + " bytes of the partition");
        }
        clusters = (totalSectors - firstDataSector) / spc;
        bits = clusters < FAT12_CLUSTERS ? 12 : clusters < FAT16_CLUSTERS ? 16 : 32;
        clusterBytes = (long) spc * bps;
        rootCluster = bits == 32 ? u32(bs, 0x2C) & 0x0FFFFFFFL : 0;
        int activeFat = 0;
        if (bits == 32 && (u16(bs, 0x28) & 0x80) != 0) {
            activeFat = Math.min(u16(bs, 0x28) & 0x0F, fats - 1);
        }
        long fatBytes = fatSectors * bps;
        long needed = bits == 12 ? (clusters + 2) * 3 / 2 + 1 : (clusters + 2) * bits / 8;
        if (needed > fatBytes) {
            throw new FsMapException("the FAT of " + fatBytes + " bytes is too short for " + clusters + " clusters");
        }
        fat = new byte[(int) needed];
        src.read((reserved + activeFat * fatSectors) * bps, fat, 0, fat.length);
    }

    static FatVolume read(BlockSource src) throws IOException {
        return new FatVolume(src);
    }

    long dataStart() {
        return firstDataSector * bytesPerSector;
    }

    long clusterOffset(long c) {
        return dataStart() + (c - 2) * clusterBytes;
    }

    boolean isCluster(long c) {
        return c >= 2 && c < clusters + 2;
    }

    long badMark() {
        return bits == 12 ? 0xFF7 : bits == 16 ? 0xFFF7 : 0x0FFFFFF7L;
    }

    boolean isEndOfChain(long v) {
        return v > badMark();
    }

    long entry(long c) {
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
