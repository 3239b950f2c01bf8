package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;

/** The chunker against restic/chunker's published vectors; the oracle tests compare with restic itself. */
class ChunkerTest {
    private static final long TEST_POL = 0x3DA3358B4DC173L;

    private static List<int[]> cut(RabinChunker c, byte[] data, int bufSize) {
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        int pos = 0;
        while (pos < data.length) {
            int len = Math.min(bufSize, data.length - pos);
            int n = c.next(data, pos, len);
            if (n < 0) {
                pos += len;
                continue;
            }
            pos += n;
            chunks.add(new int[] {start, pos - start});
            start = pos;
        }
        if (start < data.length) {
            chunks.add(new int[] {start, data.length - start});
        }
        return chunks;
    }

    @Test
    void cutsZerosIntoMinimumSizeChunksAsThePublishedVectorSays() {
        byte[] zeros = new byte[4 * Chunker.MIN_SIZE];
        RabinChunker c = new RabinChunker(TEST_POL);
        List<int[]> chunks = cut(c, zeros, 1 << 20);
        assertEquals(4, chunks.size());
        for (int[] ch : chunks) {
            assertEquals(Chunker.MIN_SIZE, ch[1]);
            assertEquals("07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541",
                    Id.hash(zeros, ch[0], ch[1]).hex());
        }
        assertEquals(0, c.lastCut());
    }

    @Test
    void cutsRandomDataBetweenMinAndMaxWithTheLow20BitsZero() {
        byte[] data = new byte[24 << 20];
        new Random(23).nextBytes(data);
        RabinChunker c = new RabinChunker(TEST_POL);
        int start = 0;
        int count = 0;
        while (true) {
            int n = c.next(data, start, data.length - start);
            if (n < 0) {
                break;
            }
            assertTrue(n >= Chunker.MIN_SIZE && n <= Chunker.MAX_SIZE, "chunk of " + n);
            assertTrue((c.lastCut() & 0xfffff) == 0 || n == Chunker.MAX_SIZE, Long.toHexString(c.lastCut()));
            start += n;
            count++;
        }
        assertTrue(count >= 8, "about 1 MiB average: " + count);
    }

    @Test
    void cutsAtTheMaximumWhenNoFingerprintMatches() {
        byte[] data = new byte[20 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251 == 0 ? 1 : 3); // periodic: few or no natural cut points
        }
        List<int[]> chunks = cut(new RabinChunker(TEST_POL), data, 1 << 16);
        for (int[] ch : chunks.subList(0, chunks.size() - 1)) {
            assertTrue(ch[1] <= Chunker.MAX_SIZE);
        }
    }

    @Test
    void boundariesDoNotDependOnHowTheBytesAreFed() {
        byte[] data = new byte[12 << 20];
        new Random(99).nextBytes(data);
        List<int[]> whole = cut(new RabinChunker(TEST_POL), data, data.length);
        for (int buf : new int[] {1, 4096, 64 * 1024 + 7, 3 << 20}) {
            if (buf == 1) {
                byte[] small = java.util.Arrays.copyOf(data, 2 << 20);
                assertEquals(render(cut(new RabinChunker(TEST_POL), small, small.length)),
                        render(cut(new RabinChunker(TEST_POL), small, 1)));
                continue;
            }
            assertEquals(render(whole), render(cut(new RabinChunker(TEST_POL), data, buf)), "buffer " + buf);
        }
    }

    private static String render(List<int[]> chunks) {
        StringBuilder sb = new StringBuilder();
        for (int[] c : chunks) {
            sb.append(c[0]).append('+').append(c[1]).append(' ');
        }
        return sb.toString();
    }

    @Test
    void polynomialArithmeticMatchesThePublishedVectors() {
        assertEquals(1, Polynomial.mod(0b101101001, 0b1010));
        assertEquals(0, Polynomial.mod(0x8000000000000000L, 0x8000000000000000L));
        assertEquals(0, Polynomial.mod(0b1100001111, 0b10011));
        assertEquals(2, Polynomial.gcd(10, 50));
        assertEquals(0b10011, Polynomial.gcd(0x230d2259defdL, 0x51b492b3eff2L));
        assertEquals(1, Polynomial.gcd(TEST_POL, 0x230d2259defdL));
        assertEquals(0x22, Polynomial.mulMod(0x1230, 0x230, 0x55));
        assertEquals(0x425ae8595b7aL, Polynomial.mulMod(0x0eae8c07dbbb3026L, 0xd5d6db9de04771deL, 0xdd2bda3b77c9L));
        assertEquals(53, Polynomial.degree(TEST_POL));
    }

    @Test
    void irreducibilityMatchesThePublishedVectors() {
        long[] irreducible = {0x3DA3358B4DC173L, 0x2482734cacca49L};
        long[] reducible = {0x38f1e565e288dfL, 0x30a8295b9d5c91L, 0x255f4350b962cbL, 0x267f776110a235L, 0x2f4dae10d41227L,
            0x312daf4b284899L, 0x29dfb6553d01d1L, 0x3548245eb26257L, 0x3199e7ef4211b3L, 0x362f39017dae8bL, 0x200d57aa6fdacbL,
            0x35e0a4efa1d275L, 0x2ced55b026577fL, 0x260b012010893dL, 0x2df29cbcd59e9dL, 0x3f2ac7488bd429L, 0x3e5cb1711669fbL,
            0x226d8de57a9959L, 0x3c8de80aaf5835L, 0x2026a59efb219bL, 0x39dfa4d13fb231L, 0x3143d0464b3299L};
        for (long p : irreducible) {
            assertTrue(Polynomial.irreducible(p), Long.toHexString(p));
        }
        for (long p : reducible) {
            assertFalse(Polynomial.irreducible(p), Long.toHexString(p));
        }
    }

    @Test
    void randomPolynomialsAreIrreducibleOfDegree53AndDiffer() {
        SecureRandom rnd = new SecureRandom();
        long a = Polynomial.randomIrreducible(rnd);
        long b = Polynomial.randomIrreducible(rnd);
        assertEquals(53, Polynomial.degree(a));
        assertTrue(Polynomial.irreducible(a));
        assertTrue(a != b);
        assertEquals(14, HexFormat.of().toHexDigits(a).replaceFirst("^0+", "").length());
    }
}
