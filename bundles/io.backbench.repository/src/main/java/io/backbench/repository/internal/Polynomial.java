package io.backbench.repository.internal;

import java.security.SecureRandom;

/**
 * Polynomials over GF(2) of degree below 64, each held in a {@code long} (bit i = coefficient of x^i),
 * and the random irreducible degree-53 polynomial a new repository's chunker uses.
 */
public final class Polynomial {
    private Polynomial() {
    }

    /** The degree; -1 for the zero polynomial. */
    static int degree(long p) {
        return 63 - Long.numberOfLeadingZeros(p);
    }

    /** {@code x mod d}. */
    static long mod(long x, long d) {
        if (d == 0) {
            throw new ArithmeticException("polynomial division by zero");
        }
        int dd = degree(d);
        for (int diff = degree(x) - dd; diff >= 0; diff = degree(x) - dd) {
            x ^= d << diff;
        }
        return x;
    }

    /** {@code x * f mod g}, for deg g ≤ 62. */
    static long mulMod(long x, long f, long g) {
        int dg = degree(g);
        long a = mod(x, g);
        long res = 0;
        while (f != 0) {
            if ((f & 1) != 0) {
                res ^= a;
            }
            f >>>= 1;
            a <<= 1;
            if (((a >>> dg) & 1) != 0) {
                a ^= g;
            }
        }
        return res;
    }

    static long gcd(long x, long f) {
        while (f != 0) {
            long r = mod(x, f);
            x = f;
            f = r;
        }
        return x;
    }

    /** Ben-Or's test: x is irreducible iff gcd(x, x^(2^i) - x mod x) = 1 for i = 1 .. deg/2. */
    static boolean irreducible(long x) {
        int deg = degree(x);
        long power = 2; // the polynomial "x"
        for (int i = 1; i <= deg / 2; i++) {
            power = mulMod(power, power, x); // x^(2^i) mod x
            if (gcd(x, power ^ 2) != 1) {
                return false;
            }
        }
        return true;
    }

    /** A random irreducible polynomial of degree 53, as restic picks one at init. */
    public static long randomIrreducible(SecureRandom random) {
        for (int i = 0; i < 1_000_000; i++) {
            long f = random.nextLong() & ((1L << 54) - 1);
            f |= (1L << 53) | 1;
            if (irreducible(f)) {
                return f;
            }
        }
        throw new IllegalStateException("no irreducible polynomial found in a million tries");
    }
}
