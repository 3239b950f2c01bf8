package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.WriteOnceException;

/** Replacing an object: atomic on ordinary targets, refused on write-once ones. */
interface OverwriteChecks extends TargetUnderTest {

    @Test
    default void overwriteReplacesTheObject() throws Exception {
        assumeFalse(has(Capability.WRITE_ONCE), "a WRITE_ONCE target refuses overwrites (checked separately)");
        target().put("over/write", Data.bytes(1, 5000));
        target().put("over/write", Data.bytes(2, 300));
        assertArrayEquals(Data.bytes(2, 300), Data.get(target(), "over/write"));
        assertEquals(300L, target().stat("over/write").orElseThrow().size());
        assertEquals(Map.of("over/write", 300L), Data.list(target(), "over/"));
    }

    @Test
    default void readersSeeTheOldOrTheNewObjectNeverAMixDuringOverwrites() throws Exception {
        assumeFalse(has(Capability.WRITE_ONCE), "a WRITE_ONCE target refuses overwrites (checked separately)");
        byte[] a = new byte[256 * 1024];
        byte[] b = new byte[384 * 1024];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        target().put("over/atomic", a);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        target().put("over/atomic", i % 2 == 0 ? b : a);
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                do {
                    byte[] seen = Data.get(target(), "over/atomic");
                    assertTrue(Arrays.equals(seen, a) || Arrays.equals(seen, b),
                            "a reader saw " + seen.length + " bytes that are neither the old nor the new object");
                    reads++;
                } while (writing.get());
                return reads;
            });
            Threads.await(writer, "the overwriting thread");
            assertTrue(Threads.await(reader, "the reading thread") > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void writeOnceTargetRefusesAnOverwriteAndKeepsTheOldObject() throws Exception {
        assumeTrue(has(Capability.WRITE_ONCE), "only a WRITE_ONCE target refuses overwrites");
        target().put("worm/object", Data.bytes(1, 1000));
        WriteOnceException e = assertThrows(WriteOnceException.class,
                () -> target().put("worm/object", Data.bytes(2, 2000)));
        assertFalse(e.isRetryable(), "WriteOnceException must not be retryable");
        assertArrayEquals(Data.bytes(1, 1000), Data.get(target(), "worm/object"));
        assertEquals(Map.of("worm/object", 1000L), Data.list(target(), ""));
    }

    @Test
    default void writeOnceTargetRefusesADeleteAndKeepsTheObject() throws Exception {
        assumeTrue(has(Capability.WRITE_ONCE), "only a WRITE_ONCE target refuses deletes");
        target().put("worm/kept", Data.bytes(3, 100));
        assertThrows(WriteOnceException.class, () -> target().delete("worm/kept"));
        assertArrayEquals(Data.bytes(3, 100), Data.get(target(), "worm/kept"));
    }
}
