package io.backbench.repository.internal;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * scrypt (RFC 7914) for key files, written out here instead of BouncyCastle's: every command that
 * opens a repository derives one key with N=32768, r=8 before any other work, on one thread, and the
 * first (still interpreted, then C1-compiled) call of BouncyCastle's took 0.35-0.45 s of CPU against
 * 0.18-0.22 s for this one (salsa20/8 on sixteen locals, blocks as int arrays, no copies per block).
 * PBKDF2-HMAC-SHA256 with one iteration comes from the JDK. Stateless; any thread.
 */
final class Scrypt {
    private Scrypt() {
    }

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two above 1, got " + n);
        }
        if (r < 1 || p < 1 || (long) r * p >= 1L << 30) {
            throw new IllegalArgumentException("scrypt r and p out of range: r=" + r + " p=" + p);
        }
        if ((long) n * r * 32 > Integer.MAX_VALUE - 64 || (long) p * 128 * r > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("scrypt N=" + n + ", r=" + r + ", p=" + p + " need more memory than an array holds");
        }
        int blockInts = 32 * r;
        byte[] b = pbkdf2(password, salt, p * 128 * r);
        int[] x = new int[blockInts];
        int[] y = new int[blockInts];
        int[] v = new int[blockInts * n];
        for (int i = 0; i < p; i++) {
            int off = i * 128 * r;
            for (int k = 0; k < blockInts; k++) {
                x[k] = le(b, off + 4 * k);
            }
            smix(x, y, v, r, n);
            for (int k = 0; k < blockInts; k++) {
                putLe(b, off + 4 * k, x[k]);
            }
        }
        return pbkdf2(password, b, length);
    }

    /** RFC 7914 scryptROMix on {@code x} (in place); {@code y} is scratch, {@code v} holds N blocks. */
    private static void smix(int[] x, int[] y, int[] v, int r, int n) {
        int len = 32 * r;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * len, len);
            blockMix(x, y, r);
            System.arraycopy(y, 0, x, 0, len);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            int vo = j * len;
            for (int k = 0; k < len; k++) {
                x[k] ^= v[vo + k];
            }
            blockMix(x, y, r);
            System.arraycopy(y, 0, x, 0, len);
        }
    }

    /** scryptBlockMix: {@code out} = the even-indexed salsa outputs, then the odd ones. */
    private static void blockMix(int[] in, int[] out, int r) {
        int last = (2 * r - 1) * 16;
        int x0 = in[last], x1 = in[last + 1], x2 = in[last + 2], x3 = in[last + 3], x4 = in[last + 4], x5 = in[last + 5],
                x6 = in[last + 6], x7 = in[last + 7], x8 = in[last + 8], x9 = in[last + 9], x10 = in[last + 10],
                x11 = in[last + 11], x12 = in[last + 12], x13 = in[last + 13], x14 = in[last + 14], x15 = in[last + 15];
        for (int i = 0; i < 2 * r; i++) {
            int o = i * 16;
            x0 ^= in[o]; x1 ^= in[o + 1]; x2 ^= in[o + 2]; x3 ^= in[o + 3]; x4 ^= in[o + 4]; x5 ^= in[o + 5];
            x6 ^= in[o + 6]; x7 ^= in[o + 7]; x8 ^= in[o + 8]; x9 ^= in[o + 9]; x10 ^= in[o + 10]; x11 ^= in[o + 11];
            x12 ^= in[o + 12]; x13 ^= in[o + 13]; x14 ^= in[o + 14]; x15 ^= in[o + 15];
            int a0 = x0, a1 = x1, a2 = x2, a3 = x3, a4 = x4, a5 = x5, a6 = x6, a7 = x7, a8 = x8, a9 = x9, a10 = x10,
                    a11 = x11, a12 = x12, a13 = x13, a14 = x14, a15 = x15;
            for (int round = 0; round < 8; round += 2) {
                a4 ^= Integer.rotateLeft(a0 + a12, 7); a8 ^= Integer.rotateLeft(a4 + a0, 9);
                a12 ^= Integer.rotateLeft(a8 + a4, 13); a0 ^= Integer.rotateLeft(a12 + a8, 18);
                a9 ^= Integer.rotateLeft(a5 + a1, 7); a13 ^= Integer.rotateLeft(a9 + a5, 9);
                a1 ^= Integer.rotateLeft(a13 + a9, 13); a5 ^= Integer.rotateLeft(a1 + a13, 18);
                a14 ^= Integer.rotateLeft(a10 + a6, 7); a2 ^= Integer.rotateLeft(a14 + a10, 9);
                a6 ^= Integer.rotateLeft(a2 + a14, 13); a10 ^= Integer.rotateLeft(a6 + a2, 18);
                a3 ^= Integer.rotateLeft(a15 + a11, 7); a7 ^= Integer.rotateLeft(a3 + a15, 9);
                a11 ^= Integer.rotateLeft(a7 + a3, 13); a15 ^= Integer.rotateLeft(a11 + a7, 18);
                a1 ^= Integer.rotateLeft(a0 + a3, 7); a2 ^= Integer.rotateLeft(a1 + a0, 9);
                a3 ^= Integer.rotateLeft(a2 + a1, 13); a0 ^= Integer.rotateLeft(a3 + a2, 18);
                a6 ^= Integer.rotateLeft(a5 + a4, 7); a7 ^= Integer.rotateLeft(a6 + a5, 9);
                a4 ^= Integer.rotateLeft(a7 + a6, 13); a5 ^= Integer.rotateLeft(a4 + a7, 18);
                a11 ^= Integer.rotateLeft(a10 + a9, 7); a8 ^= Integer.rotateLeft(a11 + a10, 9);
                a9 ^= Integer.rotateLeft(a8 + a11, 13); a10 ^= Integer.rotateLeft(a9 + a8, 18);
                a12 ^= Integer.rotateLeft(a15 + a14, 7); a13 ^= Integer.rotateLeft(a12 + a15, 9);
                a14 ^= Integer.rotateLeft(a13 + a12, 13); a15 ^= Integer.rotateLeft(a14 + a13, 18);
            }
            x0 += a0; x1 += a1; x2 += a2; x3 += a3; x4 += a4; x5 += a5; x6 += a6; x7 += a7;
            x8 += a8; x9 += a9; x10 += a10; x11 += a11; x12 += a12; x13 += a13; x14 += a14; x15 += a15;
            int d = ((i & 1) * r + (i >> 1)) * 16;
            out[d] = x0; out[d + 1] = x1; out[d + 2] = x2; out[d + 3] = x3; out[d + 4] = x4; out[d + 5] = x5;
            out[d + 6] = x6; out[d + 7] = x7; out[d + 8] = x8; out[d + 9] = x9; out[d + 10] = x10; out[d + 11] = x11;
            out[d + 12] = x12; out[d + 13] = x13; out[d + 14] = x14; out[d + 15] = x15;
        }
    }

    /** PBKDF2-HMAC-SHA256 with one iteration (all scrypt needs). */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // an empty password is a valid scrypt input, but not a valid SecretKeySpec
            mac.init(password.length == 0 ? new EmptyKey() : new SecretKeySpec(password, "HmacSHA256"));
            byte[] out = new byte[length];
            byte[] counter = new byte[4];
            for (int block = 1, done = 0; done < length; block++, done += 32) {
                counter[0] = (byte) (block >>> 24);
                counter[1] = (byte) (block >>> 16);
                counter[2] = (byte) (block >>> 8);
                counter[3] = (byte) block;
                mac.update(salt);
                byte[] u = mac.doFinal(counter);
                System.arraycopy(u, 0, out, done, Math.min(32, length - done));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /** An empty HMAC key (SecretKeySpec refuses one; scrypt allows an empty password). */
    private static final class EmptyKey implements SecretKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "HmacSHA256";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }

    private static int le(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }

    private static void putLe(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
