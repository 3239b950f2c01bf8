package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Id;

class ZeroChunkIdsTest {
    @Test
    void theKnownIdsAreTheHashesOfZerosForEveryChunkSizeAndOtherLengthsAreHashed() {
        for (int size = 64 << 10; size <= 8 << 20; size <<= 1) {
            assertEquals(Id.hash(new byte[size]), ZeroChunkIds.of(size), "zeros of " + size);
        }
        assertEquals(Id.hash(new byte[12345]), ZeroChunkIds.of(12345));
    }
}
