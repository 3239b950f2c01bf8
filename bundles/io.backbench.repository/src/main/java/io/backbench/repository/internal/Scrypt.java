package io.backbench.repository.internal;

/** scrypt (RFC 7914) through BouncyCastle; the only class that names its KDF. */
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
        return org.bouncycastle.crypto.generators.SCrypt.generate(password, salt, n, r, p, length);
    }
}
