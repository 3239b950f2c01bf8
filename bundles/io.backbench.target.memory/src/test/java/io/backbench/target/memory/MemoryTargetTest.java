package io.backbench.target.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;

/** What the in-memory target adds to the contract. */
class MemoryTargetTest {

    @Test
    void declaresRandomConcurrentDeleteAndConsistentButNotPersistent() {
        assertEquals(Set.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE,
                Capability.CONSISTENT_LISTING), new MemoryTarget("x").capabilities());
        assertEquals(Set.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.WRITE_ONCE,
                Capability.CONSISTENT_LISTING), MemoryTarget.writeOnce("x").capabilities());
    }

    @Test
    void sharedHandlesSeeTheSameObjectsAndCloseIndependently() throws Exception {
        MemoryTarget first = new MemoryTarget("shared");
        MemoryTarget second = first.share();
        first.put("k", new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, second.get("k").readAllBytes());
        first.close();
        second.put("k2", new byte[] {3});
        assertArrayEquals(new byte[] {3}, second.get("k2").readAllBytes());
        assertThrows(TargetException.class, () -> first.get("k2"));
    }

    @Test
    void refusesAnObjectLargerThanAnArrayWithAClearMessage() {
        TargetFullException e = assertThrows(TargetFullException.class,
                () -> new MemoryTarget("small").put("huge", new ByteArrayInputStream(new byte[0]), 3L << 30));
        assertTrue(e.getMessage().contains("memory:small"), e.getMessage());
        assertTrue(e.getMessage().contains("disk"), "the message suggests what to use instead: " + e.getMessage());
    }

    @Test
    void describesItselfByName() {
        assertEquals("memory:scratch", new MemoryTarget("scratch").describe());
    }
}
