package io.backbench.target.tape.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the headers of POSIX pax archives (IEEE 1003.1-2001 "pax interchange format"): a ustar
 * header preceded by a pax extended header ({@code typeflag 'x'}) that carries the exact path,
 * size and mtime, so names longer than 100 bytes and sizes of 8 GiB and more need no GNU
 * extensions. Our own facts ({@code BACKBENCH.type=object}, ...) travel in the standard pax
 * {@code comment} record as {@code "backbench type=object key=..."}: tar programs skip a comment
 * silently, whereas vendor keywords make GNU tar warn on every file. Values never hold spaces.
 */
final class Pax {
    static final int RECORD = 512;
    /** The pax keyword that says what a tape file holds: label, object or deleted. */
    static final String TYPE = "BACKBENCH.type";
    static final String KEY = "BACKBENCH.key";
    static final String VENDOR = "BACKBENCH.";
    static final String COMMENT_MARK = "backbench";

    private Pax() {
    }

    /** The pax header and the ustar header of one regular file; its data follows them. */
    static byte[] fileHeaders(String path, long size, Instant mtime, Map<String, String> extra) {
        Map<String, String> pax = new LinkedHashMap<>();
        pax.put("path", path);
        pax.put("size", Long.toString(size));
        pax.put("mtime", mtime.getEpochSecond() + "." + String.format("%09d", mtime.getNano()));
        if (!extra.isEmpty()) {
            StringBuilder comment = new StringBuilder(COMMENT_MARK);
            extra.forEach((k, v) -> comment.append(' ').append(k.substring(VENDOR.length())).append('=').append(v));
            pax.put("comment", comment.toString());
        }
        byte[] records = records(pax);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String shortName = shortName(path);
        out.writeBytes(ustar("PaxHeaders/" + shortName(shortName, 89), records.length, mtime.getEpochSecond(), 'x'));
        out.writeBytes(records);
        out.writeBytes(new byte[padding(records.length)]);
        out.writeBytes(ustar(shortName, size < 077777777777L ? size : 0, mtime.getEpochSecond(), '0'));
        return out.toByteArray();
    }

    /** Zero bytes that pad {@code size} bytes of data to a whole 512-byte record. */
    static int padding(long size) {
        return (int) ((RECORD - size % RECORD) % RECORD);
    }

    /** The end of an archive: two zero records. */
    static byte[] endOfArchive() {
        return new byte[2 * RECORD];
    }

    /** Pax records {@code "<len> <key>=<value>\n"}, where len counts the whole record, itself included. */
    static byte[] records(Map<String, String> pax) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : pax.entrySet()) {
            byte[] body = (" " + e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8);
            int len = body.length + 1;
            while (len != body.length + Integer.toString(len).length()) {
                len = body.length + Integer.toString(len).length();
            }
            out.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static byte[] ustar(String name, long size, long mtime, char type) {
        byte[] h = new byte[RECORD];
        put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, Math.max(0, Math.min(mtime, 077777777777L)));
        h[156] = (byte) type;
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 265, 32, "backbench".getBytes(StandardCharsets.US_ASCII));
        put(h, 297, 32, "backbench".getBytes(StandardCharsets.US_ASCII));
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = checksum(h);
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** The sum of the header's bytes, unsigned, with the checksum field counted as spaces. */
    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < RECORD; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    /** The last path segment, at most 100 bytes (the full path is in the pax header). */
    private static String shortName(String path) {
        return shortName(path.substring(path.lastIndexOf('/') + 1), 100);
    }

    private static String shortName(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        // keys are ASCII ([A-Za-z0-9._-]), so cutting bytes cuts whole characters
        return new String(b, b.length - maxBytes, maxBytes, StandardCharsets.UTF_8);
    }

    private static void put(byte[] h, int off, int len, byte[] value) {
        System.arraycopy(value, 0, h, off, Math.min(len, value.length));
    }

    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        put(h, off, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
        h[off + len - 1] = 0;
    }
}
