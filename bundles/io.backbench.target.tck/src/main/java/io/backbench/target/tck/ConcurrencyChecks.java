package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;

/** Many threads at once: every target is thread-safe, whether or not it works in parallel. */
interface ConcurrencyChecks extends TargetUnderTest {
    int THREADS = 8;
    int OPERATIONS = 50;

    private static byte[] content(int thread, int op) {
        return Data.bytes(thread * 1000L + op, (op * 997 + thread * 131) % 20_000);
    }

    /** One thread's share: put, read back, list its own prefix, delete some; returns what must remain. */
    private Map<String, byte[]> work(int thread, CyclicBarrier start) throws Exception {
        boolean deletes = has(Capability.DELETE) && !has(Capability.WRITE_ONCE);
        Map<String, byte[]> mine = new TreeMap<>();
        start.await(Streams.WAIT_SECONDS, TimeUnit.SECONDS);
        for (int op = 0; op < OPERATIONS; op++) {
            String key = "conc/t" + thread + "/o" + op;
            byte[] data = content(thread, op);
            target().put(key, data);
            mine.put(key, data);
            assertArrayEquals(data, Data.get(target(), key), "read back " + key);
            if (!has(Capability.WRITE_ONCE)) {
                target().put("conc/shared", data);
            }
            if (op % 5 == 4) {
                assertEquals(Data.sizes(mine), Data.list(target(), "conc/t" + thread + "/"),
                        "thread " + thread + " listing its own objects after op " + op);
            }
            if (deletes && op % 7 == 6) {
                String victim = "conc/t" + thread + "/o" + (op - 3);
                assertTrue(target().delete(victim), "delete " + victim);
                mine.remove(victim);
            }
        }
        return mine;
    }

    @Test
    default void manyThreadsPuttingGettingAndListingLeaveEveryObjectCorrect() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        Map<String, byte[]> expected = new ConcurrentHashMap<>();
        try {
            List<Future<Map<String, byte[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> work(thread, start)));
            }
            for (int t = 0; t < THREADS; t++) {
                expected.putAll(Threads.await(futures.get(t), "worker thread " + t));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> listed = Data.list(target(), "conc/t");
        assertEquals(Data.sizes(expected), listed, "after all threads finished");
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), Data.get(target(), e.getKey()), e.getKey());
        }
        if (!has(Capability.WRITE_ONCE)) {
            byte[] shared = Data.get(target(), "conc/shared");
            boolean isOneOfTheWrites = false;
            for (int t = 0; t < THREADS && !isOneOfTheWrites; t++) {
                isOneOfTheWrites = Arrays.equals(shared, content(t, OPERATIONS - 1));
            }
            assertTrue(isOneOfTheWrites, "the key every thread overwrote must hold one thread's last write whole");
        }
    }
}
