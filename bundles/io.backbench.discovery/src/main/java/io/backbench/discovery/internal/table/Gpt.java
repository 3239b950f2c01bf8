package io.backbench.discovery.internal.table;

import static io.backbench.discovery.internal.source.Bytes.le32;
import static io.backbench.discovery.internal.source.Bytes.le64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * The GUID partition table. Both headers are read and each is checked: signature, its own CRC32,
 * that it says where it is, and the CRC32 of its partition entry array. A good primary wins; a bad
 * primary with a good backup gives the backup's entries and a warning; a bad backup with a good
 * primary is a warning too. With no good header the disk has no readable GPT.
 */
final class Gpt {
    private static final int MIN_HEADER = 92;
    private static final int MAX_ENTRIES_BYTES = 4 * 1024 * 1024;

    /** One checked header: its fields if good, else why not. */
    private record Header(long lba, long alternateLba, String diskGuid, long entriesLba, int count, int entrySize,
                          byte[] entries, String problem) {
        boolean good() {
            return problem == null;
        }
    }

    private Gpt() {
    }

    /** The GPT counted in {@code sectorSize}-byte sectors, or null if there is none. */
    static PartitionTable read(BlockSource source, int sectorSize) throws IOException {
        long lastLba = source.size() / sectorSize - 1;
        if (lastLba < 2) {
            return null;
        }
        Header primary = header(source, sectorSize, 1);
        boolean primaryFound = primary.problem == null || !primary.problem.startsWith("no ");
        long backupLba = primary.good() && primary.alternateLba > 1 && primary.alternateLba <= lastLba
                ? primary.alternateLba : lastLba;
        Header backup = header(source, sectorSize, backupLba);
        if (!primary.good() && !backup.good()) {
            return null;
        }
        if (!primaryFound && !hasProtectiveMbr(source)) {
            // a stray backup header alone, with nothing at LBA 1 and no protective MBR, is not a GPT disk
            return null;
        }
        List<String> warnings = new ArrayList<>();
        Header used = primary;
        if (!primary.good()) {
            warnings.add("primary GPT header at LBA 1 is damaged (" + primary.problem + "); the backup header at LBA "
                    + backupLba + " was used");
            used = backup;
        } else if (!backup.good()) {
            warnings.add("backup GPT header at LBA " + backupLba + " is damaged (" + backup.problem + ")");
        }
        return new PartitionTable("gpt", used.diskGuid, sectorSize, entries(used), warnings);
    }

    private static boolean hasProtectiveMbr(BlockSource source) throws IOException {
        byte[] mbr = source.read(0, 512);
        if (!Mbr.hasSignature(mbr)) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if ((mbr[0x1BE + 16 * i + 4] & 0xff) == Mbr.PROTECTIVE) {
                return true;
            }
        }
        return false;
    }

    private static Header header(BlockSource source, int sectorSize, long lba) throws IOException {
        byte[] h = source.read(lba * sectorSize, sectorSize);
        if (h.length < MIN_HEADER || !Bytes.matches(h, 0, "EFI PART")) {
            return bad(lba, "no 'EFI PART' signature");
        }
        long size = le32(h, 12);
        if (size < MIN_HEADER || size > sectorSize) {
            return bad(lba, "header size " + size + " out of range");
        }
        byte[] copy = h.clone();
        copy[16] = copy[17] = copy[18] = copy[19] = 0;
        if (crc(copy, 0, (int) size) != le32(h, 16)) {
            return bad(lba, "header CRC32 mismatch");
        }
        if (le64(h, 24) != lba) {
            return bad(lba, "header says it is at LBA " + le64(h, 24));
        }
        long count = le32(h, 80);
        long entrySize = le32(h, 84);
        if (entrySize < 128 || entrySize % 8 != 0 || count * entrySize > MAX_ENTRIES_BYTES) {
            return bad(lba, "entry array of " + count + " x " + entrySize + " bytes out of range");
        }
        long entriesLba = le64(h, 72);
        byte[] entries = source.read(entriesLba * sectorSize, (int) (count * entrySize));
        if (entries.length != count * entrySize) {
            return bad(lba, "entry array at LBA " + entriesLba + " lies past the end of the device");
        }
        if (crc(entries, 0, entries.length) != le32(h, 88)) {
            return bad(lba, "partition entry array CRC32 mismatch");
        }
        return new Header(lba, le64(h, 32), Guids.format(h, 56), entriesLba, (int) count, (int) entrySize, entries,
                null);
    }

    private static Header bad(long lba, String problem) {
        return new Header(lba, 0, "", 0, 0, 0, new byte[0], problem);
    }

    private static List<PartitionEntry> entries(Header h) {
        List<PartitionEntry> out = new ArrayList<>();
        for (int i = 0; i < h.count; i++) {
            int at = i * h.entrySize;
            if (Bytes.isZero(h.entries, at, 16)) {
                continue;
            }
            long first = le64(h.entries, at + 32);
            long last = le64(h.entries, at + 40);
            out.add(new PartitionEntry(i + 1, first, last - first + 1, Guids.format(h.entries, at),
                    name(h.entries, at + 56), Guids.format(h.entries, at + 16), false));
        }
        return out;
    }

    private static String name(byte[] b, int off) {
        int end = off;
        while (end + 1 < off + 72 && (b[end] != 0 || b[end + 1] != 0)) {
            end += 2;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_16LE);
    }

    private static long crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }
}
