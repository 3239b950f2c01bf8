package io.backbench.discovery.internal.table;

import static io.backbench.discovery.internal.source.Bytes.le32;
import static io.backbench.discovery.internal.source.Bytes.u8;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.backbench.discovery.internal.source.BlockSource;

/**
 * The DOS/MBR partition table: four primary entries at 0x1BE, and logical partitions in a chain of
 * extended boot records (EBRs) inside one extended partition. Logical partitions are numbered from 5
 * in chain order, as the kernel and fdisk number them.
 */
final class Mbr {
    static final int PROTECTIVE = 0xEE;
    private static final int MAX_LOGICAL = 256;

    private Mbr() {
    }

    /** Whether {@code sector} ends with the 0x55AA boot signature. */
    static boolean hasSignature(byte[] sector) {
        return sector.length >= 512 && u8(sector, 510) == 0x55 && u8(sector, 511) == 0xAA;
    }

    static boolean isExtended(int type) {
        return type == 0x05 || type == 0x0F || type == 0x85;
    }

    /** The MBR table, or null when sector 0 holds none (no signature, bad flags, only a protective entry). */
    static PartitionTable read(BlockSource source, int sectorSize) throws IOException {
        byte[] mbr = source.read(0, 512);
        if (!hasSignature(mbr)) {
            return null;
        }
        List<PartitionEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String diskId = String.format(Locale.ROOT, "%08x", le32(mbr, 0x1B8));
        for (int i = 0; i < 4; i++) {
            int at = 0x1BE + 16 * i;
            int flag = u8(mbr, at);
            if (flag != 0 && flag != 0x80) {
                return null;
            }
        }
        for (int i = 0; i < 4; i++) {
            int at = 0x1BE + 16 * i;
            int type = u8(mbr, at + 4);
            long start = le32(mbr, at + 8);
            long sectors = le32(mbr, at + 12);
            if (type == 0 || sectors == 0) {
                continue;
            }
            if (type == PROTECTIVE) {
                return null;
            }
            entries.add(new PartitionEntry(i + 1, start, sectors, typeName(type), "", partUuid(diskId, i + 1),
                    isExtended(type)));
        }
        if (entries.isEmpty()) {
            return null;
        }
        for (PartitionEntry e : List.copyOf(entries)) {
            if (e.extended()) {
                readLogical(source, sectorSize, e.firstLba(), diskId, entries, warnings);
                break;
            }
        }
        return new PartitionTable("dos", diskId, sectorSize, entries, warnings);
    }

    private static void readLogical(BlockSource source, int sectorSize, long extStart, String diskId,
                                    List<PartitionEntry> out, List<String> warnings) throws IOException {
        Set<Long> seen = new HashSet<>();
        long ebr = extStart;
        int number = 5;
        while (number < 5 + MAX_LOGICAL) {
            if (!seen.add(ebr)) {
                warnings.add("the chain of extended boot records loops back to sector " + ebr + "; stopped there");
                return;
            }
            byte[] b = source.read(ebr * sectorSize, 512);
            if (!hasSignature(b)) {
                warnings.add("extended boot record at sector " + ebr + " has no 0x55AA signature; logical"
                        + " partitions after it are not listed");
                return;
            }
            int type = u8(b, 0x1BE + 4);
            long sectors = le32(b, 0x1BE + 12);
            if (type != 0 && sectors != 0) {
                out.add(new PartitionEntry(number, ebr + le32(b, 0x1BE + 8), sectors, typeName(type), "",
                        partUuid(diskId, number), false));
                number++;
            }
            int nextType = u8(b, 0x1CE + 4);
            long next = le32(b, 0x1CE + 8);
            if (nextType == 0 || !isExtended(nextType) || next == 0) {
                return;
            }
            ebr = extStart + next;
        }
    }

    private static String typeName(int type) {
        return String.format(Locale.ROOT, "0x%x", type);
    }

    private static String partUuid(String diskId, int number) {
        return String.format(Locale.ROOT, "%s-%02x", diskId, number);
    }
}
