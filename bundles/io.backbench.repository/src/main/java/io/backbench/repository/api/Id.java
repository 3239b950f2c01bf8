package io.backbench.repository.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 32-byte SHA-256 identifier: of a blob's plaintext, or of a stored file's bytes (pack, index,
 * snapshot, key, lock). Immutable; equal when the bytes are equal. Printed as 64 lower-case hex digits.
 */
public final class Id implements Comparable<Id> {
    /** Bytes in an id. */
    public static final int SIZE = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUE['a' + i] = (byte) (10 + i);
            HEX_VALUE['A' + i] = (byte) (10 + i);
        }
    }

    // four big-endian longs: cheap equals/hashCode for the in-memory index
    private final long a;
    private final long b;
    private final long c;
    private final long d;

    private Id(long a, long b, long c, long d) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /** The id made of {@code bytes[off..off+32)}. */
    public static Id of(byte[] bytes, int off) {
        if (bytes.length - off < SIZE) {
            throw new IllegalArgumentException("an id needs 32 bytes, got " + (bytes.length - off));
        }
        return new Id(getLong(bytes, off), getLong(bytes, off + 8), getLong(bytes, off + 16), getLong(bytes, off + 24));
    }

    /** The id made of exactly 32 bytes. */
    public static Id of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("an id needs 32 bytes, got " + bytes.length);
        }
        return of(bytes, 0);
    }

    /** Parses 64 hex digits; anything else is an {@link IllegalArgumentException} saying so. */
    public static Id parse(String hex) {
        if (hex == null || hex.length() != 2 * SIZE) {
            throw new IllegalArgumentException("not an id (64 hex digits expected): " + hex);
        }
        Id id = parseHex(hex, 0);
        if (id == null) {
            throw new IllegalArgumentException("not an id (64 hex digits expected): " + hex);
        }
        return id;
    }

    /**
     * The id of the 64 hex digits (either case) at {@code s[from..from+64)}, or null if they are not
     * all hex digits or the string is shorter. For parsers that find ids inside larger text.
     */
    public static Id parseHex(String s, int from) {
        if (from < 0 || s.length() - from < 2 * SIZE) {
            return null;
        }
        long[] parts = new long[4];
        int p = from;
        for (int i = 0; i < 4; i++) {
            long v = 0;
            for (int k = 0; k < 16; k++) {
                char ch = s.charAt(p++);
                int digit = ch < 128 ? HEX_VALUE[ch] : -1;
                if (digit < 0) {
                    return null;
                }
                v = v << 4 | digit;
            }
            parts[i] = v;
        }
        return new Id(parts[0], parts[1], parts[2], parts[3]);
    }


    /** SHA-256 of {@code data[off..off+len)}. */
    public static Id hash(byte[] data, int off, int len) {
        MessageDigest md = DIGESTS.get(); // digest() leaves it reset for the next call
        md.update(data, off, len);
        return of(md.digest());
    }

    /**
     * One digest per thread: a backup hashes a blob per file, and the provider lookup of getInstance
     * costs more than a small file's hash.
     */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Id::sha256);

    /** SHA-256 of all of {@code data}. */
    public static Id hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** A fresh SHA-256 digest (the JDK's, which uses the CPU's SHA instructions where present). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        byte[] out = new byte[SIZE];
        writeTo(out, 0);
        return out;
    }

    /** Writes the 32 bytes at {@code out[off]}. */
    public void writeTo(byte[] out, int off) {
        putLong(out, off, a);
        putLong(out, off + 8, b);
        putLong(out, off + 16, c);
        putLong(out, off + 24, d);
    }

    /** 64 lower-case hex digits. */
    public String hex() {
        char[] out = new char[2 * SIZE];
        long[] parts = {a, b, c, d};
        int p = 0;
        for (long v : parts) {
            for (int shift = 60; shift >= 0; shift -= 4) {
                out[p++] = HEX[(int) (v >>> shift) & 0xf];
            }
        }
        return new String(out);
    }

    /** The first 8 hex digits, as restic prints ids. */
    public String shortHex() {
        return hex().substring(0, 8);
    }

    @Override
    public String toString() {
        return hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Id other && a == other.a && b == other.b && c == other.c && d == other.d;
    }

    @Override
    public int hashCode() {
        return (int) (a ^ (a >>> 32));
    }

    @Override
    public int compareTo(Id o) {
        int r = Long.compareUnsigned(a, o.a);
        if (r == 0) {
            r = Long.compareUnsigned(b, o.b);
        }
        if (r == 0) {
            r = Long.compareUnsigned(c, o.c);
        }
        return r != 0 ? r : Long.compareUnsigned(d, o.d);
    }

    private static long getLong(byte[] x, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (x[off + i] & 0xffL);
        }
        return v;
    }

    private static void putLong(byte[] x, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            x[off + i] = (byte) v;
            v >>>= 8;
        }
    }

}
