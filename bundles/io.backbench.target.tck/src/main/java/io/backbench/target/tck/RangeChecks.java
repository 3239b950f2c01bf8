package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Ranged gets: {@code get(key, offset, length)}. */
interface RangeChecks extends TargetUnderTest {

    private byte[] putRangeObject() throws Exception {
        byte[] data = Data.bytes(11, 100_000);
        target().put("range/object", data);
        return data;
    }

    @Test
    default void returnsARangeFromTheMiddle() throws Exception {
        byte[] data = putRangeObject();
        assertArrayEquals(Arrays.copyOfRange(data, 40_000, 40_000 + 12_345),
                Data.get(target(), "range/object", 40_000, 12_345));
        assertArrayEquals(Arrays.copyOfRange(data, 1, 2), Data.get(target(), "range/object", 1, 1));
    }

    @Test
    default void returnsARangeFromTheStart() throws Exception {
        byte[] data = putRangeObject();
        assertArrayEquals(Arrays.copyOf(data, 4096), Data.get(target(), "range/object", 0, 4096));
    }

    @Test
    default void truncatesARangePastTheEnd() throws Exception {
        byte[] data = putRangeObject();
        assertArrayEquals(Arrays.copyOfRange(data, 99_000, 100_000),
                Data.get(target(), "range/object", 99_000, 5_000));
        assertArrayEquals(Arrays.copyOfRange(data, 99_999, 100_000),
                Data.get(target(), "range/object", 99_999, Long.MAX_VALUE));
    }

    @Test
    default void givesAnEmptyStreamForAnOffsetAtOrPastTheEnd() throws Exception {
        putRangeObject();
        assertArrayEquals(new byte[0], Data.get(target(), "range/object", 100_000, 10));
        assertArrayEquals(new byte[0], Data.get(target(), "range/object", 100_001, 10));
        assertArrayEquals(new byte[0], Data.get(target(), "range/object", 5_000_000, -1));
    }

    @Test
    default void readsToTheEndWhenLengthIsNegative() throws Exception {
        byte[] data = putRangeObject();
        assertArrayEquals(Arrays.copyOfRange(data, 77_777, 100_000), Data.get(target(), "range/object", 77_777, -1));
        assertArrayEquals(data, Data.get(target(), "range/object", 0, -1));
    }

    @Test
    default void givesAnEmptyStreamForLengthZero() throws Exception {
        putRangeObject();
        assertArrayEquals(new byte[0], Data.get(target(), "range/object", 500, 0));
    }

    @Test
    default void rangesOfAnEmptyObjectAreEmpty() throws Exception {
        target().put("range/empty", new byte[0]);
        assertArrayEquals(new byte[0], Data.get(target(), "range/empty", 0, -1));
        assertArrayEquals(new byte[0], Data.get(target(), "range/empty", 0, 10));
        assertArrayEquals(new byte[0], Data.get(target(), "range/empty", 3, 10));
    }
}
