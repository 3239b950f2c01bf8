package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Chunker;

class ChunkBuffersTest {

    @Test
    void givesSmallChunksTheirSizeAndLargerOnesThePowerOfTwoAbove() {
        ChunkBuffers arrays = new ChunkBuffers(64 << 20);
        assertEquals(100, arrays.take(100).length);
        assertEquals(ChunkBuffers.SMALLEST / 2, arrays.take(ChunkBuffers.SMALLEST / 2).length);
        assertEquals(ChunkBuffers.SMALLEST, arrays.take(ChunkBuffers.SMALLEST / 2 + 1).length);
        assertEquals(1 << 20, arrays.take(600_000).length);
        assertEquals(1 << 20, arrays.take(1 << 20).length);
        assertEquals(Chunker.MAX_SIZE, arrays.take(Chunker.MAX_SIZE).length);
        assertEquals(Chunker.MAX_SIZE + 1, arrays.take(Chunker.MAX_SIZE + 1).length, "beyond the largest chunk: as asked");
    }

    @Test
    void anArrayGivenBackServesTheNextChunkOfItsSize() {
        ChunkBuffers arrays = new ChunkBuffers(64 << 20);
        byte[] a = arrays.take(1_500_000);
        arrays.give(a);
        assertSame(a, arrays.take(1_100_000));
        assertNotSame(a, arrays.take(1_100_000), "taken once, it is gone from the pool");
    }

    @Test
    void aLargerFreeArrayServesWhenNoneOfTheSizeIsFreeUpToFourTimesTheSize() {
        ChunkBuffers arrays = new ChunkBuffers(64 << 20);
        byte[] four = arrays.take(4 << 20);
        byte[] eight = arrays.take(8 << 20);
        arrays.give(eight);
        assertEquals(1 << 20, arrays.take(1 << 20).length, "8 MiB is too large for 1 MiB: a new one");
        arrays.give(four);
        assertTrue(four == arrays.take(1 << 20), "rather than a new array");
        byte[] one = arrays.take(1 << 20);
        arrays.give(one);
        arrays.give(four);
        assertTrue(one == arrays.take(1 << 20), "its own size first");
        assertTrue(four == arrays.take(3 << 20));
        assertTrue(eight == arrays.take(3 << 20));
    }

    @Test
    void arraysItDidNotMakeAreNotKept() {
        ChunkBuffers arrays = new ChunkBuffers(64 << 20);
        byte[] odd = new byte[100_000];
        arrays.give(odd);
        byte[] small = new byte[1000];
        arrays.give(small);
        assertEquals(128 << 10, arrays.take(100_000).length);
        assertNotSame(small, arrays.take(1000));
    }

    @Test
    void overItsLimitSmallerArraysMakeRoomForALargerOne() {
        ChunkBuffers arrays = new ChunkBuffers(2 << 20);
        byte[] s1 = arrays.take(1 << 20);
        byte[] s2 = arrays.take(1 << 20);
        arrays.give(s1);
        arrays.give(s2);
        byte[] large = arrays.take(2 << 20);
        arrays.give(large);
        // 1 + 1 MiB were kept; the 2 MiB one fits only by dropping both
        assertSame(large, arrays.take(2 << 20));
        assertNotSame(s1, arrays.take(1 << 20));
        assertNotSame(s2, arrays.take(1 << 20));
    }

    @Test
    void whatDoesNotFitIsLeftToTheCollector() {
        ChunkBuffers arrays = new ChunkBuffers(1 << 20);
        byte[] a = arrays.take(1 << 20);
        byte[] b = arrays.take(1 << 20);
        arrays.give(a);
        arrays.give(b); // the limit is reached by a, and a is of the same size: b is dropped
        assertSame(a, arrays.take(1 << 20));
        assertNotSame(b, arrays.take(1 << 20));
    }
}
