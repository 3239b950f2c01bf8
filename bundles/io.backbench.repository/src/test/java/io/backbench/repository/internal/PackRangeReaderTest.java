package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The range arrays come in 4 MiB steps, so that one array serves the next pack's range too. */
class PackRangeReaderTest {
    private static final int MIB = 1 << 20;

    @Test
    void rangeArraysAreRoundedUpToWholeStepsOf4MiB() {
        assertEquals(4 * MIB, PackRangeReader.rawSize(1));
        assertEquals(4 * MIB, PackRangeReader.rawSize(4 * MIB));
        assertEquals(8 * MIB, PackRangeReader.rawSize(4 * MIB + 1));
        // packs of 16 MiB and a bit: one size for them all
        assertEquals(20 * MIB, PackRangeReader.rawSize(16 * MIB + 1));
        assertEquals(20 * MIB, PackRangeReader.rawSize(19 * MIB + 12_345));
        assertEquals(Integer.MAX_VALUE - 16, PackRangeReader.rawSize(Integer.MAX_VALUE - 16), "never past the largest array");
    }
}
