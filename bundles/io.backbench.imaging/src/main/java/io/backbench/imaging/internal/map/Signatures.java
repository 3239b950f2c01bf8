package io.backbench.imaging.internal.map;

import java.io.IOException;

import io.backbench.imaging.api.BlockSource;

/**
 * Recognises the filesystems that have a used-block reader from their first sectors only, so their
 * free space is never touched by probing (a general prober also looks for LUKS, btrfs and swap
 * headers at offsets that may well lie in free space).
 */
final class Signatures {
    private Signatures() {
    }

    /** {@code ext4} (for any ext), {@code ntfs}, {@code vfat}, or null. */
    static String detect(BlockSource src) throws IOException {
        if (src.size() < 4096) {
            return null;
        }
        byte[] head = new byte[2048];
        src.read(0, head, 0, head.length);
        if (Le.u16(head, 1024 + 0x38) == 0xEF53) {
            return "ext4";
        }
        if (new String(head, 3, 8, java.nio.charset.StandardCharsets.ISO_8859_1).equals("NTFS    ")) {
            return "ntfs";
        }
        int bps = Le.u16(head, 0x0B);
        int spc = Le.u8(head, 0x0D);
        int media = Le.u8(head, 0x15);
        boolean bpb = Integer.bitCount(bps) == 1 && bps >= 512 && bps <= 4096 && Integer.bitCount(spc) == 1
                && Le.u16(head, 0x0E) > 0 && Le.u8(head, 0x10) > 0 && (media >= 0xF8 || media == 0xF0);
        String t36 = new String(head, 0x36, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
        String t52 = new String(head, 0x52, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean signed = Le.u8(head, 510) == 0x55 && Le.u8(head, 511) == 0xAA;
        if (bpb && signed && (t36.equals("FAT") || t52.equals("FAT"))) {
            return "vfat";
        }
        return null;
    }
}
