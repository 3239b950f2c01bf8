package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u32;
import static io.backbench.imaging.internal.map.Le.u64;
import static io.backbench.imaging.internal.map.Le.u8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.api.BlockSource;

/**
 * NTFS used clusters from {@code $Bitmap} (MFT record 6), whose unnamed {@code $DATA} attribute is
 * found through the MFT's own runlist, as ntfsclone does. The backup boot sector, after the
 * volume's last sector, is always in use.
 */
final class NtfsMap {
    private static final int BITMAP_RECORD = 6;
    private static final long ATTR_ATTRIBUTE_LIST = 0x20;
    private static final long ATTR_DATA = 0x80;
    private static final long ATTR_END = 0xFFFFFFFFL;

    /** A run of clusters: {@code lcn} &lt; 0 for a sparse run. */
    record Run(long vcn, long lcn, long length) {
    }

    private NtfsMap() {
    }

    static UsedMap read(BlockSource src) throws IOException {
        byte[] bs = new byte[512];
        src.read(0, bs, 0, 512);
        int bps = u16(bs, 0x0B);
        int spcRaw = u8(bs, 0x0D);
        long spc = spcRaw <= 0x80 ? spcRaw : 1L << (256 - spcRaw);
        if (Integer.bitCount(bps) != 1 || bps < 256 || bps > 4096 || spc == 0 || Long.bitCount(spc) != 1) {
            throw new FsMapException("the NTFS boot sector's geometry is invalid");
        }
        long clusterSize = bps * spc;
        long totalSectors = u64(bs, 0x28);
        long clusters = totalSectors / spc;
        if (totalSectors * bps > src.size()) {
            throw new FsMapException("the NTFS boot sector says " + totalSectors + " sectors, more than the partition holds");
        }
        int recRaw = bs[0x40];
        long recordSize = recRaw > 0 ? recRaw * clusterSize : 1L << -recRaw;
        if (recordSize < 256 || recordSize > 65536) {
            throw new FsMapException("MFT record size " + recordSize + " is out of range");
        }
        long mftLcn = u64(bs, 0x30);
        byte[] mft0 = record(src, mftLcn * clusterSize, (int) recordSize, bps, 0);
        List<Run> mftRuns = dataRuns(mft0, "$MFT");
        long recordOffset = locate(mftRuns, BITMAP_RECORD * recordSize, clusterSize);
        byte[] rec = record(src, recordOffset, (int) recordSize, bps, BITMAP_RECORD);
        long bitmapBytes = (clusters + 7) / 8;
        byte[] bitmap = readData(src, rec, bitmapBytes, clusterSize);
        Extents.Builder used = new Extents.Builder();
        Le.addSetBits(bitmap, clusters, 0, clusterSize, used);
        used.add(0, Math.min(clusterSize, clusters * clusterSize));
        // $MFT clusters allocated past its initialized size hold nothing (NTFS reads them as zeros)
        Extents unwritten = uninitialized(mft0, mftRuns, clusterSize);
        Extents all = used.build();
        long end = clusters * clusterSize;
        Extents kept = all.complement(0, end).union(unwritten).complement(0, end).union(all.clip(end, Long.MAX_VALUE));
        // sectors past the last whole cluster belong to no cluster; the backup boot sector follows them
        return new UsedMap("ntfs-bitmap", (int) clusterSize, totalSectors * bps, kept, List.of());
    }

    /** The clusters of a non-resident $DATA past its initialized size (whole clusters only). */
    private static Extents uninitialized(byte[] rec, List<Run> runs, long clusterSize) throws FsMapException {
        int attr = attribute(rec, "$MFT");
        long initialized = Math.min(u64(rec, attr + 0x30), u64(rec, attr + 0x38));
        long firstVcn = (initialized + clusterSize - 1) / clusterSize;
        Extents.Builder out = new Extents.Builder();
        for (Run r : runs) {
            long from = Math.max(r.vcn, firstVcn);
            if (r.lcn >= 0 && from < r.vcn + r.length) {
                out.add((r.lcn + from - r.vcn) * clusterSize, (r.vcn + r.length - from) * clusterSize);
            }
        }
        return out.build();
    }

    /** Reads an MFT record at {@code offset} and applies its update sequence (fixups). */
    private static byte[] record(BlockSource src, long offset, int size, int bps, int number) throws IOException {
        byte[] rec = new byte[size];
        src.read(offset, rec, 0, size);
        if (rec[0] != 'F' || rec[1] != 'I' || rec[2] != 'L' || rec[3] != 'E') {
            throw new FsMapException("MFT record " + number + " at byte " + offset + " has no FILE signature");
        }
        int usaOff = u16(rec, 4);
        int usaCount = u16(rec, 6);
        for (int i = 1; i < usaCount; i++) {
            int end = i * bps - 2;
            int from = usaOff + 2 * i;
            if (end + 2 > size || from + 2 > size) {
                throw new FsMapException("MFT record " + number + " has an update sequence longer than the record");
            }
            if (rec[end] != rec[usaOff] || rec[end + 1] != rec[usaOff + 1]) {
                throw new FsMapException("MFT record " + number + " is torn (update sequence mismatch in sector " + i + ")");
            }
            rec[end] = rec[from];
            rec[end + 1] = rec[from + 1];
        }
        return rec;
    }

    /** The byte offset on disk of byte {@code pos} of a non-resident attribute with these runs. */
    private static long locate(List<Run> runs, long pos, long clusterSize) throws FsMapException {
        long vcn = pos / clusterSize;
        for (Run r : runs) {
            if (vcn >= r.vcn && vcn < r.vcn + r.length && r.lcn >= 0) {
                return (r.lcn + vcn - r.vcn) * clusterSize + pos % clusterSize;
            }
        }
        throw new FsMapException("the MFT's runlist does not cover byte " + pos);
    }

    /** Reads {@code length} bytes of the unnamed $DATA attribute of a record (resident or not). */
    private static byte[] readData(BlockSource src, byte[] rec, long length, long clusterSize) throws IOException {
        int off = attribute(rec, "$Bitmap");
        byte[] out = new byte[(int) length];
        if (u8(rec, off + 8) == 0) {
            int valueLen = (int) u32(rec, off + 0x10);
            int valueOff = off + u16(rec, off + 0x14);
            System.arraycopy(rec, valueOff, out, 0, (int) Math.min(length, valueLen));
            return out;
        }
        for (Run r : runs(rec, off)) {
            long from = r.vcn * clusterSize;
            if (from >= length || r.lcn < 0) {
                continue;
            }
            int n = (int) Math.min(r.length * clusterSize, length - from);
            src.read(r.lcn * clusterSize, out, (int) from, n);
        }
        return out;
    }

    private static List<Run> dataRuns(byte[] rec, String name) throws FsMapException {
        int off = attribute(rec, name);
        if (u8(rec, off + 8) == 0) {
            throw new FsMapException(name + " has a resident $DATA attribute");
        }
        return runs(rec, off);
    }

    /** The offset of the record's unnamed $DATA attribute. */
    private static int attribute(byte[] rec, String name) throws FsMapException {
        int off = u16(rec, 0x14);
        while (off + 16 <= rec.length) {
            long type = u32(rec, off);
            long len = u32(rec, off + 4);
            if (type == ATTR_END || len == 0 || off + len > rec.length) {
                break;
            }
            if (type == ATTR_ATTRIBUTE_LIST) {
                throw new FsMapException(name + " has an attribute list; its $DATA may lie in another record");
            }
            if (type == ATTR_DATA && u8(rec, off + 9) == 0) {
                return off;
            }
            off += (int) len;
        }
        throw new FsMapException(name + " has no unnamed $DATA attribute");
    }

    /** Decodes a non-resident attribute's mapping pairs. */
    static List<Run> runs(byte[] rec, int attr) throws FsMapException {
        List<Run> out = new ArrayList<>();
        long vcn = Le.u64(rec, attr + 0x10);
        int p = attr + u16(rec, attr + 0x20);
        int end = attr + (int) u32(rec, attr + 4);
        long lcn = 0;
        while (p < end && rec[p] != 0) {
            int header = u8(rec, p);
            int lenBytes = header & 0x0F;
            int offBytes = header >>> 4;
            if (lenBytes == 0 || lenBytes > 8 || offBytes > 8 || p + 1 + lenBytes + offBytes > end) {
                throw new FsMapException("a runlist is malformed at byte " + (p - attr) + " of its attribute");
            }
            long length = 0;
            for (int i = lenBytes - 1; i >= 0; i--) {
                length = length << 8 | u8(rec, p + 1 + i);
            }
            if (offBytes == 0) {
                out.add(new Run(vcn, -1, length));
            } else {
                long delta = rec[p + lenBytes + offBytes]; // sign-extended top byte
                for (int i = offBytes - 2; i >= 0; i--) {
                    delta = delta << 8 | u8(rec, p + 1 + lenBytes + i);
                }
                lcn += delta;
                out.add(new Run(vcn, lcn, length));
            }
            vcn += length;
            p += 1 + lenBytes + offBytes;
        }
        return out;
    }
}
