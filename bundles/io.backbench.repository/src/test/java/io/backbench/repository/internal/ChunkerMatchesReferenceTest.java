package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Chunker;

/**
 * {@link RabinChunker} (two chains over the halves of a stretch, see its class comment) against
 * {@link ReferenceChunker} (restic's loop, one byte after the other): every call to {@code next} must
 * return the same, and the digests must be equal after every call, whatever the data, the buffer
 * sizes, the polynomial and the chunk size limits.
 */
class ChunkerMatchesReferenceTest {
    private static final long TEST_POL = 0x3DA3358B4DC173L;
    private static final long[] POLYNOMIALS = {
        TEST_POL, 0x2482734cacca49L, 0x38f1e565e288dfL, // degree 53 (the last is reducible: no matter)
        0x1_0000_008dL, 0x8000_001dL, // degrees 32 and 31
        0x211L, // degree 9, the smallest accepted: with 9 average bits the mask reaches the sign bit, so
                // the byte loop does it all
    };
    private static final int[] BUFFER_SIZES = {1, 2, 3, 5, 63, 64, 65, 127, 4095, 4096, 4097, 65_537};

    /**
     * Feeds both chunkers the same buffers; returns {cuts, cuts at max}. The fast one gets each slice
     * in an array of its own, at an offset after bytes that are not the data before it (as a reader
     * that refills its buffer does): a chunker that read its window from before {@code off} would fail.
     */
    private static int[] agree(RabinChunker fast, ReferenceChunker ref, byte[] data, IntSupplier bufSize, int max,
            String what) {
        Random junk = new Random(data.length);
        int pos = 0;
        int start = 0;
        int cuts = 0;
        int atMax = 0;
        while (pos < data.length) {
            int len = Math.min(bufSize.getAsInt(), data.length - pos);
            int expected = ref.next(data, pos, len);
            int before = junk.nextInt(3) == 0 ? 0 : 1 + junk.nextInt(100);
            byte[] slice = new byte[before + len];
            junk.nextBytes(slice);
            System.arraycopy(data, pos, slice, before, len);
            int actual = fast.next(slice, before, len);
            String where = what + " at byte " + pos + " buffer " + len;
            assertEquals(expected, actual, where);
            if (expected < 0) {
                assertEquals(ref.digest(), fast.digest(), "digest " + where);
                pos += len;
            } else {
                assertEquals(ref.lastCut(), fast.lastCut(), "digest at the cut " + where);
                pos += expected;
                cuts++;
                atMax += pos - start == max ? 1 : 0;
                start = pos;
            }
        }
        return new int[] {cuts, atMax};
    }

    private static int[] agree(long pol, int min, int max, int bits, byte[] data, IntSupplier bufSize) {
        String what = "polynomial " + Long.toHexString(pol) + " min " + min + " max " + max + " bits " + bits;
        return agree(new RabinChunker(pol, min, max, bits), new ReferenceChunker(pol, min, max, bits), data, bufSize,
                max, what);
    }

    private static byte[] random(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Random bytes with runs of 0, 0xff and a short period, each up to a few thousand bytes long. */
    private static byte[] withRuns(int n, long seed) {
        Random rnd = new Random(seed);
        byte[] data = random(n, seed);
        for (int i = 0; i < n; ) {
            int run = 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000);
            int kind = rnd.nextInt(4);
            for (int j = i; j < Math.min(n, i + run); j++) {
                data[j] = switch (kind) {
                    case 0 -> 0;
                    case 1 -> (byte) 0xff;
                    case 2 -> (byte) (j % 3);
                    default -> data[j];
                };
            }
            i += run;
        }
        return data;
    }

    @Test
    void cutsAndDigestsEqualTheByteLoopOnRandomDataForEveryBufferSize() {
        byte[] data = random(12 << 20, 1);
        for (int size : BUFFER_SIZES) {
            byte[] part = size < 64 ? Arrays.copyOf(data, 3 << 20) : data; // tiny buffers: less data, same code
            int[] cuts = agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, part, () -> size);
            assertTrue(cuts[0] >= 2, "cuts in " + part.length + " bytes: " + cuts[0]);
        }
        Random sizes = new Random(2);
        agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, data, () -> 1 + sizes.nextInt(200_000));
        agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, data, () -> data.length);
    }

    @Test
    void cutsAndDigestsEqualTheByteLoopForEveryPolynomialAndManySmallChunks() {
        // small limits make thousands of cuts: in either half of the two-chain loop, at min, at max, mid-buffer
        int[][] limits = {{64, 4096, 8}, {64, 1 << 16, 12}, {65, 300, 6}, {100, 5000, 9}, {1, 200, 5}, {7, 7, 3},
            {2000, 2003, 20}};
        Random sizes = new Random(3);
        for (long pol : POLYNOMIALS) {
            for (int[] l : limits) {
                for (byte[] data : new byte[][] {random(1 << 20, pol), withRuns(1 << 20, pol)}) {
                    int[] cuts = agree(pol, l[0], l[1], l[2], data, () -> 1 + sizes.nextInt(9000));
                    assertTrue(cuts[0] > (1 << 20) / l[1] / 2, "cuts: " + cuts[0]);
                    agree(pol, l[0], l[1], l[2], Arrays.copyOf(data, 50_000), () -> 1 + sizes.nextInt(5));
                }
            }
        }
    }

    @Test
    void cutsAndDigestsEqualTheByteLoopOnDataWithLongRuns() {
        byte[] data = withRuns(20 << 20, 4);
        Random sizes = new Random(5);
        int[] cuts = agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, data, () -> 1 + sizes.nextInt(1 << 20));
        assertTrue(cuts[0] >= 5, "cuts: " + cuts[0]);
        byte[] zeros = new byte[3 * Chunker.MIN_SIZE + 5];
        assertEquals(3, agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, zeros, () -> 4097)[0]);
    }

    @Test
    void cutsExactlyAtTheMaximumLikeTheByteLoop() {
        // a period of 251 bytes: the digest repeats and (for this polynomial) never has its low 20 bits zero
        byte[] data = new byte[2 * Chunker.MAX_SIZE + 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251 == 0 ? 1 : 3);
        }
        for (int len : new int[] {Chunker.MAX_SIZE - 1, Chunker.MAX_SIZE, Chunker.MAX_SIZE + 1, data.length}) {
            for (int size : new int[] {len, 65_537, 4095}) {
                int[] cuts = agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, Arrays.copyOf(data, len),
                        () -> size);
                assertEquals(len / Chunker.MAX_SIZE, cuts[1], "cuts at the maximum in " + len + " bytes");
            }
        }
    }

    @Test
    void inputsShorterThanTheMinimumEndWithTheSameDigest() {
        byte[] data = random(Chunker.MIN_SIZE + 70, 6);
        for (int len : new int[] {0, 1, 63, 64, Chunker.MIN_SIZE - 65, Chunker.MIN_SIZE - 64, Chunker.MIN_SIZE - 63,
            Chunker.MIN_SIZE - 1, Chunker.MIN_SIZE, Chunker.MIN_SIZE + 1, Chunker.MIN_SIZE + 70}) {
            for (int size : new int[] {1, 3, 64, 65_536, Chunker.MIN_SIZE}) {
                byte[] part = Arrays.copyOf(data, len);
                if (size == 1 && len > 70_000) {
                    // 1-byte buffers only over the last bytes
                    RabinChunker fast = new RabinChunker(TEST_POL);
                    ReferenceChunker ref = new ReferenceChunker(TEST_POL);
                    assertEquals(-1, fast.next(part, 0, len - 1000));
                    assertEquals(-1, ref.next(part, 0, len - 1000));
                    agree(fast, ref, Arrays.copyOfRange(part, len - 1000, len), () -> 1, Chunker.MAX_SIZE, "tail");
                    continue;
                }
                assertEquals(0, agree(TEST_POL, Chunker.MIN_SIZE, Chunker.MAX_SIZE, 20, part, () -> size)[0]);
            }
        }
    }

    @Test
    void resetInTheMiddleOfAChunkStartsOverLikeTheByteLoop() {
        byte[] data = random(4 << 20, 7);
        RabinChunker fast = new RabinChunker(TEST_POL, 100, 5000, 9);
        ReferenceChunker ref = new ReferenceChunker(TEST_POL, 100, 5000, 9);
        Random rnd = new Random(8);
        for (int pos = 0; pos < data.length; ) {
            int len = Math.min(1 + rnd.nextInt(3000), data.length - pos);
            int n = ref.next(data, pos, len);
            assertEquals(n, fast.next(data, pos, len), "at byte " + pos);
            assertEquals(n < 0 ? ref.digest() : ref.lastCut(), n < 0 ? fast.digest() : fast.lastCut());
            pos += n < 0 ? len : n;
            if (rnd.nextInt(10) == 0) {
                ref.reset();
                fast.reset();
            }
        }
    }
}
