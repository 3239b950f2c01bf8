package io.backbench.discovery.internal.fs;

import static io.backbench.discovery.internal.source.Bytes.le16;
import static io.backbench.discovery.internal.source.Bytes.le32;
import static io.backbench.discovery.internal.source.Bytes.u8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * FAT12, FAT16 and FAT32 ("vfat" as blkid says). The FAT type follows from the cluster count, as the
 * specification says; the label is the volume-label entry of the root directory if there is one,
 * else the boot sector's; the UUID is the volume serial as {@code XXXX-XXXX}.
 */
final class Fat implements FsParser {
    private static final long FAT12_MAX = 0xFF4;
    private static final long FAT16_MAX = 0xFFF4;
    private static final long FAT32_MAX = 0x0FFFFFF6L;
    private static final byte[] NO_NAME = "NO NAME    ".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_ROOT_CLUSTERS = 100;

    /** The geometry from the BIOS parameter block. */
    private record Bpb(int sectorSize, int clusterSectors, int reserved, int fats, int rootEntries,
                       long fatLength16, long fatLength32, long clusters) {
        long fatSectors() {
            return (fatLength16 != 0 ? fatLength16 : fatLength32) * fats;
        }
    }

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] bs = source.read(0, 512);
        if (bs.length < 512 || !hasMagic(bs)) {
            return null;
        }
        Bpb bpb = validBpb(bs);
        if (bpb == null) {
            return null;
        }
        byte[] label;
        byte[] serial;
        String version;
        if (bpb.fatLength16 != 0) {
            long rootStart = (bpb.reserved + bpb.fatSectors()) * bpb.sectorSize;
            label = findLabel(source, rootStart, bpb.rootEntries);
            if (label == null || Arrays.equals(label, NO_NAME)) {
                label = Arrays.copyOfRange(bs, 0x2B, 0x2B + 11);
            }
            serial = Arrays.copyOfRange(bs, 0x27, 0x2B);
            version = bpb.clusters < FAT12_MAX ? "FAT12" : bpb.clusters < FAT16_MAX ? "FAT16" : "";
        } else {
            label = findFat32Label(source, bs, bpb);
            if (label == null || Arrays.equals(label, NO_NAME)) {
                label = Arrays.copyOfRange(bs, 0x47, 0x47 + 11);
            }
            serial = Arrays.copyOfRange(bs, 0x43, 0x47);
            version = "FAT32";
        }
        String text = Arrays.equals(label, NO_NAME) ? "" : Bytes.label(label, 0, 11);
        String uuid = String.format(Locale.ROOT, "%02X%02X-%02X%02X", serial[3], serial[2], serial[1], serial[0]);
        return new FsProbe("vfat", text, uuid, version);
    }

    private static boolean hasMagic(byte[] bs) {
        if (Bytes.matches(bs, 0x52, "MSWIN") || Bytes.matches(bs, 0x52, "FAT32   ") || Bytes.matches(bs, 0x36, "MSDOS")
                || Bytes.matches(bs, 0x36, "FAT16   ") || Bytes.matches(bs, 0x36, "FAT12   ")
                || Bytes.matches(bs, 0x36, "FAT     ")) {
            return true;
        }
        // Only weak signs (a jump instruction, the boot signature): also demand the boot signature and
        // rule out the FAT-like pseudo boot sectors that OS/2 tools put on JFS and HPFS.
        boolean weak = u8(bs, 0) == 0xEB || u8(bs, 0) == 0xE9 || (u8(bs, 0x1FE) == 0x55 && u8(bs, 0x1FF) == 0xAA);
        return weak && u8(bs, 0x1FE) == 0x55 && u8(bs, 0x1FF) == 0xAA && !Bytes.matches(bs, 0x36, "JFS     ")
                && !Bytes.matches(bs, 0x36, "HPFS    ");
    }

    private static Bpb validBpb(byte[] bs) {
        int fats = u8(bs, 0x10);
        int reserved = le16(bs, 0x0E);
        int media = u8(bs, 0x15);
        int clusterSectors = u8(bs, 0x0D);
        int sectorSize = le16(bs, 0x0B);
        if (fats == 0 || reserved == 0 || !(media >= 0xF8 || media == 0xF0) || Integer.bitCount(clusterSectors) != 1
                || Integer.bitCount(sectorSize) != 1 || sectorSize < 512 || sectorSize > 4096) {
            return null;
        }
        int rootEntries = le16(bs, 0x11);
        long sectors = le16(bs, 0x13);
        if (sectors == 0) {
            sectors = le32(bs, 0x20);
        }
        long fat16 = le16(bs, 0x16);
        long fat32 = le32(bs, 0x24);
        long fatSectors = (fat16 != 0 ? fat16 : fat32) * fats;
        long rootSectors = ((long) rootEntries * 32 + sectorSize - 1) / sectorSize;
        long clusters = (sectors - (reserved + fatSectors + rootSectors)) / clusterSectors;
        long max = fat16 == 0 && fat32 != 0 ? FAT32_MAX : clusters > FAT12_MAX ? FAT16_MAX : FAT12_MAX;
        if (clusters < 0 || clusters > max) {
            return null;
        }
        return new Bpb(sectorSize, clusterSectors, reserved, fats, rootEntries, fat16, fat32, clusters);
    }

    /** Follows the FAT32 root directory's cluster chain (at most 100 clusters) looking for the label. */
    private static byte[] findFat32Label(BlockSource source, byte[] bs, Bpb bpb) throws IOException {
        long clusterBytes = (long) bpb.clusterSectors * bpb.sectorSize;
        long dataStart = (bpb.reserved + bpb.fatSectors()) * bpb.sectorSize;
        long fatEntries = bpb.fatLength32 * bpb.sectorSize / 4;
        long next = le32(bs, 0x2C);
        for (int loop = 1; next >= 2 && next < fatEntries && loop < MAX_ROOT_CLUSTERS; loop++) {
            byte[] found = findLabel(source, dataStart + (next - 2) * clusterBytes, (int) (clusterBytes / 32));
            if (found != null) {
                return found;
            }
            byte[] entry = source.read((long) bpb.reserved * bpb.sectorSize + next * 4, 4);
            if (entry.length < 4) {
                break;
            }
            next = le32(entry, 0) & 0x0FFFFFFFL;
        }
        return null;
    }

    /** The 11-byte name of the first volume-label entry in a directory, or null. */
    private static byte[] findLabel(BlockSource source, long offset, int entries) throws IOException {
        byte[] dir = source.read(offset, entries * 32);
        for (int i = 0; i + 32 <= dir.length; i += 32) {
            int first = u8(dir, i);
            if (first == 0) {
                break;
            }
            int attr = u8(dir, i + 11);
            boolean clusterSet = le16(dir, i + 20) != 0 || le16(dir, i + 26) != 0;
            if (first == 0xE5 || clusterSet || (attr & 0x3F) == 0x0F) {
                continue;
            }
            if ((attr & (0x08 | 0x10)) == 0x08) {
                return Arrays.copyOfRange(dir, i, i + 11);
            }
        }
        return null;
    }
}
