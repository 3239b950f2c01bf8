package io.backbench.discovery.internal.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * An LVM2 physical volume ("LVM2_member"): a "LABELONE" label in one of the first four sectors,
 * checked by its own CRC; the 32-character PV UUID shown in LVM's 6-4-4-4-4-4-6 groups.
 */
final class LvmPv implements FsParser {
    private static final int SECTOR = 512;
    private static final long CRC_SEED = 0xf597a6cfL;

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] head = source.read(0, 4 * SECTOR);
        for (int s = 0; s < 4 && (s + 1) * SECTOR <= head.length; s++) {
            int at = s * SECTOR;
            if (!Bytes.matches(head, at, "LABELONE") || !Bytes.matches(head, at + 24, "LVM2 001")
                    || Bytes.le64(head, at + 8) != s) {
                continue;
            }
            if (crc(head, at + 20, SECTOR - 20) != Bytes.le32(head, at + 16)) {
                continue;
            }
            int uuidAt = at + (int) Bytes.le32(head, at + 20);
            if (uuidAt + 32 > head.length) {
                continue;
            }
            return new FsProbe("LVM2_member", "", format(new String(head, uuidAt, 32, StandardCharsets.US_ASCII)),
                    "LVM2 001");
        }
        return null;
    }

    /** LVM's label CRC: the reflected CRC-32 polynomial with LVM's own seed and no final inversion. */
    static long crc(byte[] b, int off, int len) {
        long crc = CRC_SEED;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320L : crc >>> 1;
            }
        }
        return crc;
    }

    private static String format(String raw) {
        int[] groups = {6, 4, 4, 4, 4, 4, 6};
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                out.append('-');
            }
            out.append(raw, at, at + g);
            at += g;
        }
        return out.toString();
    }
}
