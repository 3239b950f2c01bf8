package io.backbench.repository.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.repository.api.Chunker;

/**
 * restic's content-defined chunker, cutting at exactly the same places: a Rabin fingerprint over a
 * 64-byte window, the first {@code MIN_SIZE - 64} bytes of a chunk skipped, a cut where the low 20
 * bits of the digest are zero (or at {@code MAX_SIZE}). One instance per thread.
 *
 * <p>Why it is not restic's loop: there every byte's digest waits for the previous one (xor the
 * outgoing byte's term, shift, table load, xor), so one chain of loads sets the speed. Two facts give
 * the processor independent work instead. With P the polynomial of degree k, o the byte leaving the
 * window and b the byte entering, everything over GF(2):
 * <ol>
 * <li>The fingerprint is linear, so restic's {@code d' = ((d + OUT[o]) * x^8 + b) mod P} is
 * {@code d' = (d * x^8 mod P) + OUT8[o] + b} with {@code OUT8[o] = OUT[o] * x^8 mod P}: the window
 * term is off the chain.
 * <li>Once 64 bytes have gone through the window, the digest is the fingerprint of those 64 bytes
 * alone (every earlier byte, and the 1 that {@link #reset} puts in, has been slid out exactly). So
 * the digest at any byte can be computed from the 64 bytes before it, from an empty window.
 * </ol>
 * By (2) a stretch of the caller's array is scanned as two halves at once (the second half starts
 * from the fingerprint of the 64 bytes before it), two independent chains in one loop. The loop only
 * notes whether a half holds a cut; a half that does is scanned again byte by byte from its start.
 * (Measured on 2 cores, JDK 17: about 1.6x restic's loop. Stepping 2 or 4 bytes at a time by linearity
 * shortens the chain too, but the cut test still needs every in-between digest, which costs more
 * table loads per byte than it saves: 2 bytes gained ~25%, 4 bytes lost. Three chains gained nothing.)
 *
 * <p>The digest is held scaled, {@code D = d << (64 - k)}: its top byte is then {@code D >>> 56} and
 * "multiply by x^8, drop what overflows" is {@code D << 8}, with no masks. Table values are scaled alike.
 */
public final class RabinChunker implements Chunker {
    private static final int WINDOW = 64;
    /** Bytes per half in the two-chain loop: a cut costs a byte-by-byte rescan of at most this. */
    private static final int HALF = 4096;
    private static final Map<Long, long[][]> TABLES = new ConcurrentHashMap<>();

    /** {@code reduce[h] = h * x^k mod P}: the top byte h that {@code D << 8} drops, reduced. */
    private final long[] reduce;
    /** {@code out8[o] = o * x^(8*64) mod P}: byte o leaving the window, as seen after the next byte. */
    private final long[] out8;
    private final int scale;
    private final int minSize;
    private final int maxSize;
    private final long splitMask;
    /** The two-chain loop's branch-free cut test needs the mask below the sign bit (else: byte loop only). */
    private final boolean twoChains;

    /** The last 64 bytes slid, a ring from {@code wpos}; the two-chain loop reads them from the caller's array. */
    private final byte[] window = new byte[WINDOW];
    private int wpos;
    /** Scaled: restic's digest << (64 - k). */
    private long digest;
    private int pre;
    /** Bytes in the current chunk so far. */
    private int count;
    /** The digest at the last cut (for tests against published vectors). */
    private long lastCut;

    public RabinChunker(long polynomial) {
        this(polynomial, MIN_SIZE, MAX_SIZE, 20);
    }

    RabinChunker(long polynomial, int minSize, int maxSize, int averageBits) {
        int deg = Polynomial.degree(polynomial);
        if (deg < 9 || deg > 53) {
            throw new IllegalArgumentException("chunker polynomial must have a degree of at most 53, got " + deg);
        }
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("chunk sizes must satisfy 1 <= min <= max, got " + minSize + ", " + maxSize);
        }
        long[][] t = TABLES.computeIfAbsent(polynomial, RabinChunker::tables);
        reduce = t[0];
        out8 = t[1];
        scale = 64 - deg;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.splitMask = ((1L << averageBits) - 1) << scale; // what falls off is at or above k: always 0 in d
        this.twoChains = averageBits + scale <= 63;
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(window, (byte) 0);
        count = 0;
        // restic starts every chunk with the byte 1 slid into an empty window: digest 0 * x^8 + 1
        window[0] = 1;
        digest = 1L << scale;
        wpos = 1;
        pre = minSize - WINDOW;
    }

    @Override
    public int next(byte[] buf, int off, int len) {
        int i = off;
        if (pre > 0) {
            if (pre >= len) {
                pre -= len;
                count += len;
                return -1;
            }
            i += pre;
            count += pre;
            pre = 0;
        }
        final int end = off + len;
        final int fed = i; // bytes of buf slide through the window from here on
        // The bytes whose digest cannot end the chunk (add + 1 < min): no test. Normally the 63 after `pre`.
        int quiet = i + Math.max(0, Math.min(end - i, minSize - 1 - count));
        slide(buf, i, quiet, false);
        i = quiet;
        // Every byte from here on may end the chunk; the one that makes it maxSize long must.
        final int lim = i + Math.min(end - i, maxSize - count);
        if (twoChains) {
            // the two-chain loop reads the window from buf, so it starts 64 bytes after `fed`
            int from = Math.max(i, Math.min(lim, fed + WINDOW));
            int cut = slide(buf, i, from, true);
            if (cut >= 0) {
                return cut - off;
            }
            i = scanHalves(buf, from, lim);
        }
        int cut = slide(buf, i, lim, true);
        return cut < 0 ? -1 : cut - off;
    }

    /**
     * restic's loop, a byte at a time through the ring (folded as in the class comment). Returns the
     * index after the byte that ends the chunk if {@code test} and one does, else -1.
     */
    private int slide(byte[] buf, int from, int stop, boolean test) {
        final byte[] win = window;
        final long[] red = reduce;
        final long[] out = out8;
        final int sh = scale;
        final long mask = splitMask;
        final int max = maxSize;
        long d = digest;
        int w = wpos;
        int add = count;
        for (int i = from; i < stop; i++) {
            int b = buf[i] & 0xff;
            int o = win[w] & 0xff;
            win[w] = (byte) b;
            w = (w + 1) & (WINDOW - 1);
            d = (d << 8) ^ red[(int) (d >>> 56)] ^ out[o] ^ ((long) b << sh);
            add++;
            if (test && ((d & mask) == 0 || add >= max)) {
                lastCut = d >>> sh;
                reset();
                return i + 1;
            }
        }
        digest = d;
        wpos = w;
        count = add;
        return -1;
    }

    /**
     * Scans {@code [from, lim - 1)} in pairs of halves (fact 2 of the class comment), stopping before
     * the first half that holds a cut. Needs the window to be {@code buf[from-64, from)}. Returns where
     * it stopped; the ring and digest are then those of the 64 bytes before that. The last byte before
     * {@code lim} is always left to {@link #slide}, which also tests for the maximum.
     */
    private int scanHalves(byte[] buf, int from, int lim) {
        final long[] red = reduce;
        final long[] out = out8;
        final int sh = scale;
        final long mask = splitMask;
        long d0 = digest;
        int i = from;
        for (int half; (half = Math.min(HALF, (lim - 1 - i) / 2)) >= 256; ) {
            final int mid = i + half;
            final long start1 = fingerprint(buf, mid);
            long d1 = start1;
            long cut0 = 0;
            long cut1 = 0;
            for (int k = 0; k < half; k++) {
                int j0 = i + k;
                int j1 = mid + k;
                d0 = (d0 << 8) ^ red[(int) (d0 >>> 56)] ^ out[buf[j0 - WINDOW] & 0xff] ^ ((long) (buf[j0] & 0xff) << sh);
                d1 = (d1 << 8) ^ red[(int) (d1 >>> 56)] ^ out[buf[j1 - WINDOW] & 0xff] ^ ((long) (buf[j1] & 0xff) << sh);
                // (v & mask) - 1 is negative exactly when v & mask == 0; no branch in the loop
                cut0 |= (d0 & mask) - 1;
                cut1 |= (d1 & mask) - 1;
            }
            if (cut0 < 0) {
                d0 = digest; // the first half: back to where it started
                break;
            }
            if (cut1 < 0) {
                i = mid;
                d0 = start1;
                break;
            }
            digest = d0 = d1;
            i = mid + half;
        }
        if (i == from) {
            return from; // nothing scanned (too few bytes, or a cut in the first half): the ring is right
        }
        System.arraycopy(buf, i - WINDOW, window, 0, WINDOW);
        wpos = 0;
        digest = d0;
        count += i - from;
        return i;
    }

    /** The digest of the 64 bytes before {@code p}, slid into an empty window (zeros slide out as 0). */
    private long fingerprint(byte[] buf, int p) {
        long d = 0;
        for (int j = p - WINDOW; j < p; j++) {
            d = (d << 8) ^ reduce[(int) (d >>> 56)] ^ ((long) (buf[j] & 0xff) << scale);
        }
        return d;
    }

    long lastCut() {
        return lastCut;
    }

    /** The digest of the window so far (for tests against the byte-at-a-time loop). */
    long digest() {
        return digest >>> scale;
    }

    /** Both tables are h * x^e mod P for a byte h, scaled by x^(64-k) (see the class comment). */
    private static long[][] tables(long pol) {
        int k = Polynomial.degree(pol);
        return new long[][] {table(pol, k), table(pol, 8 * WINDOW)};
    }

    private static long[] table(long pol, int exponent) {
        int k = Polynomial.degree(pol);
        long xe = 1; // x^exponent mod P, by repeated multiplication with x
        for (int i = 0; i < exponent; i++) {
            xe <<= 1;
            if ((xe >>> k & 1) != 0) {
                xe ^= pol;
            }
        }
        long[] table = new long[256];
        for (int h = 0; h < 256; h++) {
            table[h] = Polynomial.mulMod(h, xe, pol) << (64 - k);
        }
        return table;
    }
}
