package io.backbench.repository.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.repository.api.Chunker;

/**
 * restic's chunker loop as restic writes it, one byte at a time: the reference the faster
 * {@link RabinChunker} must agree with, cut for cut and digest for digest.
 */
final class ReferenceChunker implements Chunker {
    private static final int WINDOW = 64;
    private static final Map<Long, long[][]> TABLES = new ConcurrentHashMap<>();

    private final long[] outTable;
    private final long[] modTable;
    private final int polShift;
    private final int minSize;
    private final int maxSize;
    private final long splitMask;

    private final byte[] window = new byte[WINDOW];
    private int wpos;
    private long digest;
    private int pre;
    private int count;
    /** The digest at the last cut (for tests against published vectors). */
    private long lastCut;

    ReferenceChunker(long polynomial) {
        this(polynomial, MIN_SIZE, MAX_SIZE, 20);
    }

    ReferenceChunker(long polynomial, int minSize, int maxSize, int averageBits) {
        int deg = Polynomial.degree(polynomial);
        if (deg < 9 || deg > 53) {
            throw new IllegalArgumentException("chunker polynomial must have a degree of at most 53, got " + deg);
        }
        long[][] t = TABLES.computeIfAbsent(polynomial, ReferenceChunker::tables);
        this.outTable = t[0];
        this.modTable = t[1];
        this.polShift = deg - 8;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.splitMask = (1L << averageBits) - 1;
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(window, (byte) 0);
        count = 0;
        // restic starts every chunk with the byte 1 slid into an empty window
        window[0] = 1;
        digest = update(outTable[0], 1);
        wpos = 1;
        pre = minSize - WINDOW;
    }

    @Override
    public int next(byte[] buf, int off, int len) {
        int idx = 0;
        if (pre > 0) {
            if (pre >= len) {
                pre -= len;
                count += len;
                return -1;
            }
            idx = pre;
            count += pre;
            pre = 0;
        }
        final long[] out = outTable;
        final long[] mod = modTable;
        final byte[] win = window;
        final int shift = polShift;
        final long mask = splitMask;
        final int min = minSize;
        final int max = maxSize;
        long d = digest;
        int w = wpos;
        int add = count;
        for (int i = off + idx, end = off + len; i < end; i++) {
            byte b = buf[i];
            d ^= out[win[w] & 0xff];
            win[w] = b;
            w = (w + 1) & (WINDOW - 1);
            d = ((d << 8) | (b & 0xffL)) ^ mod[(int) (d >>> shift)];
            add++;
            if (((d & mask) == 0 || add >= max) && add >= min) {
                lastCut = d;
                reset();
                return i - off + 1;
            }
        }
        digest = d;
        wpos = w;
        count = add;
        return -1;
    }

    long lastCut() {
        return lastCut;
    }

    long digest() {
        return digest;
    }

    private long update(long d, int b) {
        return ((d << 8) | (b & 0xffL)) ^ modTable[(int) (d >>> polShift)];
    }

    private static long[][] tables(long pol) {
        long[] out = new long[256];
        long[] mod = new long[256];
        // out[b] = fingerprint of b followed by WINDOW-1 zero bytes: adding it slides b out of the window
        for (int b = 0; b < 256; b++) {
            long h = Polynomial.mod(b, pol);
            for (int i = 0; i < WINDOW - 1; i++) {
                h = Polynomial.mod(h << 8, pol);
            }
            out[b] = h;
        }
        // mod[b] = (b * x^k mod pol) | (b * x^k): one XOR reduces the 8 bits above the degree
        int k = Polynomial.degree(pol);
        for (int b = 0; b < 256; b++) {
            mod[b] = Polynomial.mod((long) b << k, pol) | ((long) b << k);
        }
        return new long[][] {out, mod};
    }
}
