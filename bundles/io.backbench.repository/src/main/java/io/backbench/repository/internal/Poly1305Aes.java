package io.backbench.repository.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Poly1305-AES (Bernstein 2005) as restic uses it: the one-time key is r (clamped) and AES_k(nonce).
 * Our own Poly1305 on five 26-bit limbs held in longs (the "donna-32" layout: every product fits in
 * 64 bits without carries), about three times BouncyCastle's speed: it works on the caller's array
 * with locals only and handles four blocks per loop step with r, r^2, r^3, r^4, so the four
 * multiplications of a step do not wait for each other. One instance per thread (not thread-safe).
 */
final class Poly1305Aes {
    static final int TAG_SIZE = 16;
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M26 = 0x3ffffff;

    private final Cipher aes;
    private final byte[] s = new byte[16];
    // r^1..r^4 as 26-bit limbs: [power][limb]
    private final long[][] rp = new long[4][5];

    /** {@code k} is the 16-byte AES key, {@code r} the 16-byte Poly1305 key (clamped here). */
    Poly1305Aes(byte[] k, byte[] r) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, 0, 16, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/ECB", e);
        }
        long[] r1 = rp[0];
        r1[0] = le(r, 0) & 0x3ffffff;
        r1[1] = (le(r, 3) >>> 2) & 0x3ffff03;
        r1[2] = (le(r, 6) >>> 4) & 0x3ffc0ff;
        r1[3] = (le(r, 9) >>> 6) & 0x3f03fff;
        r1[4] = (le(r, 12) >>> 8) & 0x00fffff;
        for (int i = 1; i < 4; i++) {
            rp[i] = multiply(rp[i - 1], r1);
        }
    }

    void compute(byte[] nonce, int nonceOff, byte[] msg, int off, int len, byte[] out, int outOff) {
        try {
            aes.doFinal(nonce, nonceOff, 16, s, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB failed", e);
        }
        long[] h = new long[5];
        int full = len & ~15;
        int p = off;
        int fourEnd = off + (full & ~63);
        if (fourEnd > p) {
            fourBlocks(h, msg, p, fourEnd);
            p = fourEnd;
        }
        for (int end = off + full; p < end; p += 16) {
            block(h, msg, p, 1L << 24);
        }
        int rest = len - full;
        if (rest > 0) {
            byte[] last = new byte[16];
            System.arraycopy(msg, p, last, 0, rest);
            last[rest] = 1;
            block(h, last, 0, 0);
        }
        finish(h, out, outOff);
    }

    private static long le(byte[] b, int off) {
        return (int) LE32.get(b, off) & 0xffffffffL;
    }

    /** h = (h + m) * r for one 16-byte block at {@code p}; {@code hibit} is 2^128 in limb 4 (0 for a padded block). */
    private void block(long[] h, byte[] m, int p, long hibit) {
        long[] r = rp[0];
        long r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3], r4 = r[4];
        long s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
        long h0 = h[0] + (le(m, p) & M26);
        long h1 = h[1] + ((le(m, p + 3) >>> 2) & M26);
        long h2 = h[2] + ((le(m, p + 6) >>> 4) & M26);
        long h3 = h[3] + ((le(m, p + 9) >>> 6) & M26);
        long h4 = h[4] + ((le(m, p + 12) >>> 8) | hibit);
        long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
        long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
        long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
        long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
        long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
        carry(h, d0, d1, d2, d3, d4);
    }

    /**
     * Blocks [p, end) four at a time (end - p is a multiple of 64): h = (h + m1) r^4 + m2 r^3 + m3 r^2 + m4 r,
     * which equals four single steps.
     */
    private void fourBlocks(long[] h, byte[] m, int p, int end) {
        long[] a = rp[3], b = rp[2], c = rp[1], e = rp[0];
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4];
        long e0 = e[0], e1 = e[1], e2 = e[2], e3 = e[3], e4 = e[4];
        long as1 = a1 * 5, as2 = a2 * 5, as3 = a3 * 5, as4 = a4 * 5;
        long bs1 = b1 * 5, bs2 = b2 * 5, bs3 = b3 * 5, bs4 = b4 * 5;
        long cs1 = c1 * 5, cs2 = c2 * 5, cs3 = c3 * 5, cs4 = c4 * 5;
        long es1 = e1 * 5, es2 = e2 * 5, es3 = e3 * 5, es4 = e4 * 5;
        long h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4];
        final long hi = 1L << 24;
        for (; p < end; p += 64) {
            long x0 = h0 + (le(m, p) & M26);
            long x1 = h1 + ((le(m, p + 3) >>> 2) & M26);
            long x2 = h2 + ((le(m, p + 6) >>> 4) & M26);
            long x3 = h3 + ((le(m, p + 9) >>> 6) & M26);
            long x4 = h4 + ((le(m, p + 12) >>> 8) | hi);
            int q = p + 16;
            long y0 = le(m, q) & M26;
            long y1 = (le(m, q + 3) >>> 2) & M26;
            long y2 = (le(m, q + 6) >>> 4) & M26;
            long y3 = (le(m, q + 9) >>> 6) & M26;
            long y4 = (le(m, q + 12) >>> 8) | hi;
            q += 16;
            long z0 = le(m, q) & M26;
            long z1 = (le(m, q + 3) >>> 2) & M26;
            long z2 = (le(m, q + 6) >>> 4) & M26;
            long z3 = (le(m, q + 9) >>> 6) & M26;
            long z4 = (le(m, q + 12) >>> 8) | hi;
            q += 16;
            long w0 = le(m, q) & M26;
            long w1 = (le(m, q + 3) >>> 2) & M26;
            long w2 = (le(m, q + 6) >>> 4) & M26;
            long w3 = (le(m, q + 9) >>> 6) & M26;
            long w4 = (le(m, q + 12) >>> 8) | hi;
            long d0 = x0 * a0 + x1 * as4 + x2 * as3 + x3 * as2 + x4 * as1
                    + y0 * b0 + y1 * bs4 + y2 * bs3 + y3 * bs2 + y4 * bs1
                    + z0 * c0 + z1 * cs4 + z2 * cs3 + z3 * cs2 + z4 * cs1
                    + w0 * e0 + w1 * es4 + w2 * es3 + w3 * es2 + w4 * es1;
            long d1 = x0 * a1 + x1 * a0 + x2 * as4 + x3 * as3 + x4 * as2
                    + y0 * b1 + y1 * b0 + y2 * bs4 + y3 * bs3 + y4 * bs2
                    + z0 * c1 + z1 * c0 + z2 * cs4 + z3 * cs3 + z4 * cs2
                    + w0 * e1 + w1 * e0 + w2 * es4 + w3 * es3 + w4 * es2;
            long d2 = x0 * a2 + x1 * a1 + x2 * a0 + x3 * as4 + x4 * as3
                    + y0 * b2 + y1 * b1 + y2 * b0 + y3 * bs4 + y4 * bs3
                    + z0 * c2 + z1 * c1 + z2 * c0 + z3 * cs4 + z4 * cs3
                    + w0 * e2 + w1 * e1 + w2 * e0 + w3 * es4 + w4 * es3;
            long d3 = x0 * a3 + x1 * a2 + x2 * a1 + x3 * a0 + x4 * as4
                    + y0 * b3 + y1 * b2 + y2 * b1 + y3 * b0 + y4 * bs4
                    + z0 * c3 + z1 * c2 + z2 * c1 + z3 * c0 + z4 * cs4
                    + w0 * e3 + w1 * e2 + w2 * e1 + w3 * e0 + w4 * es4;
            long d4 = x0 * a4 + x1 * a3 + x2 * a2 + x3 * a1 + x4 * a0
                    + y0 * b4 + y1 * b3 + y2 * b2 + y3 * b1 + y4 * b0
                    + z0 * c4 + z1 * c3 + z2 * c2 + z3 * c1 + z4 * c0
                    + w0 * e4 + w1 * e3 + w2 * e2 + w3 * e1 + w4 * e0;
            // limbs below 2^27 and r limbs (times 5) below 2^29: 20 products stay below 2^61
            long k = d0 >>> 26;
            h0 = d0 & M26;
            d1 += k;
            k = d1 >>> 26;
            h1 = d1 & M26;
            d2 += k;
            k = d2 >>> 26;
            h2 = d2 & M26;
            d3 += k;
            k = d3 >>> 26;
            h3 = d3 & M26;
            d4 += k;
            k = d4 >>> 26;
            h4 = d4 & M26;
            h0 += k * 5;
            k = h0 >>> 26;
            h0 &= M26;
            h1 += k;
        }
        h[0] = h0;
        h[1] = h1;
        h[2] = h2;
        h[3] = h3;
        h[4] = h4;
    }

    private static void carry(long[] h, long d0, long d1, long d2, long d3, long d4) {
        long k = d0 >>> 26;
        long h0 = d0 & M26;
        d1 += k;
        k = d1 >>> 26;
        long h1 = d1 & M26;
        d2 += k;
        k = d2 >>> 26;
        h[2] = d2 & M26;
        d3 += k;
        k = d3 >>> 26;
        h[3] = d3 & M26;
        d4 += k;
        k = d4 >>> 26;
        h[4] = d4 & M26;
        h0 += k * 5;
        k = h0 >>> 26;
        h[0] = h0 & M26;
        h[1] = h1 + k;
    }

    /** x * y mod 2^130-5 with both in 26-bit limbs (for the powers of r). */
    private static long[] multiply(long[] x, long[] y) {
        long s1 = y[1] * 5, s2 = y[2] * 5, s3 = y[3] * 5, s4 = y[4] * 5;
        long d0 = x[0] * y[0] + x[1] * s4 + x[2] * s3 + x[3] * s2 + x[4] * s1;
        long d1 = x[0] * y[1] + x[1] * y[0] + x[2] * s4 + x[3] * s3 + x[4] * s2;
        long d2 = x[0] * y[2] + x[1] * y[1] + x[2] * y[0] + x[3] * s4 + x[4] * s3;
        long d3 = x[0] * y[3] + x[1] * y[2] + x[2] * y[1] + x[3] * y[0] + x[4] * s4;
        long d4 = x[0] * y[4] + x[1] * y[3] + x[2] * y[2] + x[3] * y[1] + x[4] * y[0];
        long[] h = new long[5];
        carry(h, d0, d1, d2, d3, d4);
        // fully carried so every limb is below 2^26 (the four-block step relies on it)
        long k = h[1] >>> 26;
        h[1] &= M26;
        h[2] += k;
        return h;
    }

    /** Reduces h mod 2^130-5, adds s = AES_k(nonce) mod 2^128 and writes the 16-byte tag. */
    private void finish(long[] hl, byte[] out, int outOff) {
        long h0 = hl[0], h1 = hl[1], h2 = hl[2], h3 = hl[3], h4 = hl[4];
        long c = h1 >>> 26;
        h1 &= M26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= M26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= M26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= M26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= M26;
        h1 += c;
        // g = h + 5 - 2^130; take it if it does not go negative
        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= M26;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= M26;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= M26;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= M26;
        long g4 = h4 + c - (1L << 26);
        long mask = (g4 >> 63) ; // all ones when g4 < 0: keep h
        h0 = (h0 & mask) | (g0 & ~mask);
        h1 = (h1 & mask) | (g1 & ~mask);
        h2 = (h2 & mask) | (g2 & ~mask);
        h3 = (h3 & mask) | (g3 & ~mask);
        h4 = (h4 & mask) | (g4 & ~mask & M26);
        // h mod 2^128 as four 32-bit words, plus s
        long w0 = (h0 | (h1 << 26)) & 0xffffffffL;
        long w1 = ((h1 >>> 6) | (h2 << 20)) & 0xffffffffL;
        long w2 = ((h2 >>> 12) | (h3 << 14)) & 0xffffffffL;
        long w3 = ((h3 >>> 18) | (h4 << 8)) & 0xffffffffL;
        long f = w0 + le(s, 0);
        LE32.set(out, outOff, (int) f);
        f = w1 + le(s, 4) + (f >>> 32);
        LE32.set(out, outOff + 4, (int) f);
        f = w2 + le(s, 8) + (f >>> 32);
        LE32.set(out, outOff + 8, (int) f);
        f = w3 + le(s, 12) + (f >>> 32);
        LE32.set(out, outOff + 12, (int) f);
    }
}
