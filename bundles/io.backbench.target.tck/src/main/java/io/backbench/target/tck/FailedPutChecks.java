package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.TargetException;

/** A put that fails, or has not finished yet, leaves nothing of the new object visible. */
interface FailedPutChecks extends TargetUnderTest {

    private void assertNothingVisible(String key, String when) throws Exception {
        assertEquals(Optional.empty(), target().stat(key), "stat must find nothing " + when);
        assertThrows(ObjectNotFoundException.class, () -> Data.get(target(), key), "get must find nothing " + when);
        assertEquals(Map.of(), Data.list(target(), ""), "list must show nothing " + when);
    }

    @Test
    default void putFailsAndStoresNothingWhenTheStreamIsShorterThanLength() throws Exception {
        assertThrows(TargetException.class,
                () -> target().put("short", new ByteArrayInputStream(Data.bytes(1, 1000)), 1001));
        assertNothingVisible("short", "after a put whose stream was short");
    }

    @Test
    default void putFailsAndStoresNothingWhenAnEmptyStreamWasPromisedBytes() throws Exception {
        assertThrows(TargetException.class, () -> target().put("short", new ByteArrayInputStream(new byte[0]), 1));
        assertNothingVisible("short", "after a put whose stream was empty");
    }

    @Test
    default void putFailsAndStoresNothingWhenTheStreamThrowsMidway() throws Exception {
        assertThrows(TargetException.class,
                () -> target().put("broken", Streams.failingAfter(Data.bytes(2, 300_000)), 600_000));
        assertNothingVisible("broken", "after a put whose stream threw");
    }

    @Test
    default void failedPutKeepsTheOldObjectIntact() throws Exception {
        target().put("kept", Data.bytes(3, 5000));
        assertThrows(TargetException.class,
                () -> target().put("kept", Streams.failingAfter(Data.bytes(4, 100_000)), 200_000));
        assertThrows(TargetException.class,
                () -> target().put("kept", new ByteArrayInputStream(Data.bytes(5, 10)), 20));
        assertArrayEquals(Data.bytes(3, 5000), Data.get(target(), "kept"));
        assertEquals(Map.of("kept", 5000L), Data.list(target(), ""));
    }

    @Test
    default void objectIsInvisibleWhileItsPutIsStillRunning() throws Exception {
        assumeTrue(has(Capability.CONCURRENT_ACCESS),
                "a serialising target makes readers wait for the put, so there is no in-between moment");
        byte[] head = Data.bytes(6, 200_000);
        byte[] tail = Data.bytes(7, 100_000);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Streams.Gated firstTry = new Streams.Gated(head, tail);
            Future<?> failing = pool.submit(() -> {
                target().put("slow", firstTry, head.length + tail.length);
                return null;
            });
            assertTrue(firstTry.headRead.await(Streams.WAIT_SECONDS, TimeUnit.SECONDS), "put never read its stream");
            assertNothingVisible("slow", "while its put is still reading the stream");
            firstTry.release(true);
            assertThrows(TargetException.class, () -> Threads.await(failing, "the failing put"));
            assertNothingVisible("slow", "after its put failed halfway");

            Streams.Gated secondTry = new Streams.Gated(head, tail);
            Future<?> succeeding = pool.submit(() -> {
                target().put("slow", secondTry, head.length + tail.length);
                return null;
            });
            assertTrue(secondTry.headRead.await(Streams.WAIT_SECONDS, TimeUnit.SECONDS), "put never read its stream");
            assertNothingVisible("slow", "while its put is still reading the stream");
            secondTry.release(false);
            Threads.await(succeeding, "the put");
            assertEquals(head.length + tail.length, Data.get(target(), "slow").length);
        } finally {
            pool.shutdownNow();
        }
    }
}
