package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The limit on work in flight: nothing goes over it, and a thread that met it waits until the work
 * in flight has fallen to the lower mark (one wake-up per batch, not per unit given back).
 */
class GateTest {

    /** A thread taking {@code n}; {@code done} completes with what was in flight just after its take. */
    private record Taker(Thread thread, CompletableFuture<Long> done) {
        static Taker start(Gate gate, long n) {
            CompletableFuture<Long> done = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    gate.take(n);
                    done.complete(gate.inFlight());
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }, "gate-taker");
            t.setDaemon(true);
            t.start();
            return new Taker(t, done);
        }

        /** Waits until the thread waits in the gate, so that a check that it has not passed means something. */
        Taker waiting() throws InterruptedException {
            for (int i = 0; i < 10_000 && thread.getState() != Thread.State.WAITING; i++) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.WAITING, thread.getState(), "the taker waits in the gate");
            return this;
        }
    }

    @Test
    void takesUpToTheLimitPassAndTheNextWaitsUntilTheWorkInFlightFallsToTheLowerMark() throws Exception {
        Gate gate = new Gate(8, 4);
        for (int i = 0; i < 8; i++) {
            gate.take(1);
        }
        assertEquals(8, gate.inFlight());
        Taker waiter = Taker.start(gate, 1).waiting();
        // room for one again, and for three: still waiting, the lower mark is 4
        for (int i = 0; i < 3; i++) {
            gate.give(1);
            assertFalse(waiter.done().isDone(), "woken with " + gate.inFlight() + " in flight");
        }
        waiter.waiting();
        assertFalse(waiter.done().isDone());
        gate.give(1); // 4 in flight: the gate opens
        assertEquals(5, waiter.done().get(10, TimeUnit.SECONDS));
    }

    @Test
    void onceOpenTakesPassUntilTheLimitClosesItAgain() throws Exception {
        Gate gate = new Gate(4, 1);
        gate.take(4);
        Taker waiter = Taker.start(gate, 1).waiting();
        gate.give(3);
        assertEquals(2, waiter.done().get(10, TimeUnit.SECONDS));
        // open: takes pass while they fit under the limit, even above the lower mark
        gate.take(2);
        assertEquals(4, gate.inFlight());
    }

    @Test
    void aTakeLargerThanTheLimitPassesWhenNothingElseIsInFlight() throws Exception {
        Gate gate = new Gate(4, 2);
        gate.take(10);
        assertEquals(10, gate.inFlight());
        Taker waiter = Taker.start(gate, 10).waiting();
        assertFalse(waiter.done().isDone());
        gate.give(10);
        assertEquals(10, waiter.done().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLowerMarkAtOrAboveTheLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Gate(4, 4));
        assertThrows(IllegalArgumentException.class, () -> new Gate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Gate(4, -1));
    }

    @Test
    void aWaitingTakeEndsWithTheThreadsInterruption() throws Exception {
        Gate gate = new Gate(2, 1);
        gate.take(2);
        Taker waiter = Taker.start(gate, 1).waiting();
        waiter.thread().interrupt();
        Throwable cause = assertThrows(java.util.concurrent.ExecutionException.class, () -> waiter.done().get(10, TimeUnit.SECONDS))
                .getCause();
        assertTrue(cause instanceof InterruptedException, String.valueOf(cause));
        assertEquals(2, gate.inFlight(), "an interrupted take takes nothing");
    }

    /** Many threads taking and giving back random amounts: never over the limit, and none is left waiting. */
    @Test
    void underContentionTheLimitHoldsAndEveryTakeEnds() throws Exception {
        Gate gate = new Gate(64, 32);
        AtomicLong inFlight = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                all.add(CompletableFuture.runAsync(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 20_000; i++) {
                        long n = 1 + r.nextInt(16);
                        try {
                            gate.take(n);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                        long now = inFlight.addAndGet(n);
                        worst.accumulateAndGet(now, Math::max);
                        inFlight.addAndGet(-n);
                        gate.give(n);
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, gate.inFlight());
        assertTrue(worst.get() <= 64, "in flight at most the limit, was " + worst.get());
    }
}
