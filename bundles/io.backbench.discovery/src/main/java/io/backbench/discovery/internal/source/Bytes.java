package io.backbench.discovery.internal.source;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Little- and big-endian numbers, strings and UUIDs out of on-disk structures. */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int le16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    public static long le32(byte[] b, int off) {
        return le16(b, off) | (long) le16(b, off + 2) << 16;
    }

    public static long le64(byte[] b, int off) {
        return le32(b, off) | le32(b, off + 4) << 32;
    }

    public static int be16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }

    public static long be32(byte[] b, int off) {
        return (long) be16(b, off) << 16 | be16(b, off + 2);
    }

    public static long be64(byte[] b, int off) {
        return be32(b, off) << 32 | be32(b, off + 4);
    }

    /** Whether {@code b} holds the ASCII text {@code magic} at {@code off}. */
    public static boolean matches(byte[] b, int off, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length < off + m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (b[off + i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A label as blkid shows it: the bytes up to the first NUL, as UTF-8, with trailing white space
     * removed.
     */
    public static String label(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8).stripTrailing();
    }

    /** A 16-byte UUID stored in byte order (ext, xfs, btrfs, swap), as {@code 8-4-4-4-12} lower case. */
    public static String uuid(byte[] b, int off) {
        String h = HexFormat.of().formatHex(b, off, off + 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** Whether {@code len} bytes at {@code off} are all zero. */
    public static boolean isZero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
