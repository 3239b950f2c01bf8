package io.backbench.discovery.internal.fs;

import static io.backbench.discovery.internal.source.Bytes.le16;
import static io.backbench.discovery.internal.source.Bytes.le32;
import static io.backbench.discovery.internal.source.Bytes.le64;
import static io.backbench.discovery.internal.source.Bytes.u8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * NTFS: "NTFS    " in the boot sector; the label is the $VOLUME_NAME attribute (0x60) of MFT record
 * 3 ($Volume), the UUID the 64-bit volume serial as 16 upper-case hex digits.
 */
final class Ntfs implements FsParser {
    private static final int VOLUME_RECORD = 3;
    private static final long ATTR_VOLUME_NAME = 0x60;
    private static final long ATTR_END = 0xFFFFFFFFL;

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] bs = source.read(0, 512);
        if (bs.length < 512 || !Bytes.matches(bs, 3, "NTFS    ")) {
            return null;
        }
        int sectorSize = le16(bs, 11);
        int clusterSectors = u8(bs, 13);
        if (sectorSize < 256 || sectorSize > 4096 || Integer.bitCount(clusterSectors) != 1 || clusterSectors > 128
                || sectorSize * clusterSectors > 64 * 1024) {
            return null;
        }
        // fields FAT uses must be zero in NTFS
        if (le16(bs, 14) != 0 || u8(bs, 16) != 0 || le16(bs, 17) != 0 || le16(bs, 19) != 0 || le16(bs, 22) != 0
                || le32(bs, 32) != 0) {
            return null;
        }
        int perRecord = bs[64];
        long recordSize = perRecord > 0 ? (long) perRecord * clusterSectors * sectorSize : 1L << -perRecord;
        if (recordSize < 256 || recordSize > 64 * 1024) {
            return null;
        }
        long clusters = le64(bs, 40) / clusterSectors;
        long mft = le64(bs, 48);
        if (mft > clusters || le64(bs, 56) > clusters) {
            return null;
        }
        long mftOffset = mft * sectorSize * clusterSectors;
        byte[] first = source.read(mftOffset, (int) recordSize);
        if (!Bytes.matches(first, 0, "FILE")) {
            return null;
        }
        String label = volumeName(source.read(mftOffset + VOLUME_RECORD * recordSize, (int) recordSize), sectorSize);
        String uuid = String.format(Locale.ROOT, "%016X", le64(bs, 72));
        return new FsProbe("ntfs", label, uuid, "");
    }

    private static String volumeName(byte[] rec, int sectorSize) {
        if (rec.length < 48 || !Bytes.matches(rec, 0, "FILE")) {
            return "";
        }
        applyFixups(rec, sectorSize);
        long allocated = le32(rec, 0x1C);
        int off = le16(rec, 0x14);
        while (off + 24 <= rec.length && off <= allocated) {
            long type = le32(rec, off);
            long len = le32(rec, off + 4);
            if (len == 0 || type == ATTR_END) {
                break;
            }
            if (type == ATTR_VOLUME_NAME && u8(rec, off + 8) == 0) {
                int valueLen = (int) le32(rec, off + 16);
                int valueOff = off + le16(rec, off + 20);
                if (valueOff + valueLen > rec.length) {
                    return "";
                }
                return new String(rec, valueOff, valueLen, StandardCharsets.UTF_16LE);
            }
            off += (int) len;
        }
        return "";
    }

    /**
     * Puts back the last two bytes of every sector of a record, which NTFS replaces on disk by an
     * update sequence number to detect torn writes.
     */
    private static void applyFixups(byte[] rec, int sectorSize) {
        int usaOff = le16(rec, 4);
        int usaCount = le16(rec, 6);
        for (int i = 1; i < usaCount; i++) {
            int end = i * sectorSize - 2;
            int from = usaOff + 2 * i;
            if (end + 2 > rec.length || from + 2 > rec.length) {
                return;
            }
            rec[end] = rec[from];
            rec[end + 1] = rec[from + 1];
        }
    }
}
