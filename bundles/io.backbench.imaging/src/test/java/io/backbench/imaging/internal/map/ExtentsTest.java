package io.backbench.imaging.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backbench.imaging.api.ByteRange;

class ExtentsTest {

    @Test
    void mergesOverlappingAndTouchingRangesGivenInAnyOrder() {
        Extents e = new Extents.Builder().add(100, 10).add(0, 10).add(10, 5).add(105, 20).add(50, 0).build();
        assertEquals(List.of(new ByteRange(0, 15), new ByteRange(100, 25)), e.ranges());
        assertEquals(40, e.total());
    }

    @Test
    void clipsComplementsAndIntersects() {
        Extents e = Extents.of(List.of(new ByteRange(10, 10), new ByteRange(40, 10)));
        assertEquals(List.of(new ByteRange(15, 5), new ByteRange(40, 5)), e.clip(15, 45).ranges());
        assertEquals(List.of(new ByteRange(0, 10), new ByteRange(20, 20), new ByteRange(50, 10)), e.complement(0, 60).ranges());
        assertTrue(e.intersects(19, 30));
        assertFalse(e.intersects(20, 40));
        assertEquals(5, e.totalIn(45, 100));
        assertEquals(e, e.complement(0, 60).complement(0, 60));
        assertEquals(List.of(new ByteRange(110, 10), new ByteRange(140, 10)), e.shift(100).ranges());
    }

    @Test
    void intersectsWithAnotherSetAndTellsWhetherItCoversOne() {
        Extents a = Extents.of(List.of(new ByteRange(0, 10), new ByteRange(20, 10), new ByteRange(40, 10)));
        Extents b = Extents.of(List.of(new ByteRange(5, 20), new ByteRange(45, 100)));
        assertEquals(List.of(new ByteRange(5, 5), new ByteRange(20, 5), new ByteRange(45, 5)), a.intersect(b).ranges());
        assertEquals(a.intersect(b), b.intersect(a));
        assertEquals(Extents.EMPTY, a.intersect(Extents.of(10, 10)));
        assertTrue(a.covers(Extents.of(List.of(new ByteRange(2, 3), new ByteRange(20, 10)))));
        assertFalse(a.covers(Extents.of(5, 10)), "crosses a gap");
        assertFalse(a.covers(Extents.of(45, 10)), "runs past the end");
        assertTrue(a.covers(Extents.EMPTY));
    }
}
