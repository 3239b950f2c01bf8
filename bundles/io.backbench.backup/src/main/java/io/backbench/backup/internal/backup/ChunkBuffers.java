package io.backbench.backup.internal.backup;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.backbench.repository.api.Chunker;

/**
 * Chunk arrays for reuse, by power-of-two size (64 KiB up to the largest chunk). A backup cuts its
 * data into chunks of 0.5-8 MiB; with a new array for each, the serial collector copied every chunk
 * waiting between the reader and the saver threads to the survivor and old spaces (a full backup of
 * 2 GiB: 77 collections, 3.8 s of pauses, 9% of its CPU clearing fresh pages). Smaller arrays are
 * allocated each time: those die young, and a small file's chunk is its size. Thread-safe: readers
 * take, savers give back.
 */
final class ChunkBuffers {
    static final int SMALLEST = 64 << 10;
    private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(SMALLEST);
    private static final int MAX_SHIFT = Integer.numberOfTrailingZeros(Chunker.MAX_SIZE);
    /** A free array up to 2^LARGER times the size asked for may serve. */
    private static final int LARGER = 2;

    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedQueue<byte[]>[] free = new ConcurrentLinkedQueue[MAX_SHIFT - MIN_SHIFT + 1];
    private final AtomicLong kept = new AtomicLong();
    private final long keepAtMost;

    /** @param keepAtMost bytes of free arrays kept; arrays given back beyond it are left to the collector */
    ChunkBuffers(long keepAtMost) {
        this.keepAtMost = keepAtMost;
        for (int i = 0; i < free.length; i++) {
            free[i] = new ConcurrentLinkedQueue<>();
        }
    }

    /**
     * An array of at least {@code size} bytes (at most {@link Chunker#MAX_SIZE} unless asked for more):
     * a free one of its power-of-two size, else a free one up to four times as large (a free array
     * serves better than a new one, which the collector would copy while it waits for a saver: a full
     * backup of the bench corpus allocated 0.8 GB of chunk arrays when only the exact size was
     * taken), else a new one.
     */
    byte[] take(int size) {
        if (size <= SMALLEST / 2 || size > Chunker.MAX_SIZE) {
            return new byte[size];
        }
        int shift = Math.max(MIN_SHIFT, 32 - Integer.numberOfLeadingZeros(size - 1));
        for (int s = shift; s <= Math.min(shift + LARGER, MAX_SHIFT); s++) {
            byte[] b = free[s - MIN_SHIFT].poll();
            if (b != null) {
                kept.addAndGet(-b.length);
                return b;
            }
        }
        return new byte[1 << shift];
    }

    /**
     * Gives an array from {@link #take} back once nobody reads it any more. Over the limit, arrays of
     * the other sizes make room (the small files' arrays kept from one part of the tree must not
     * keep a large file's from being reused).
     */
    void give(byte[] b) {
        int len = b.length;
        if (Integer.bitCount(len) != 1 || len < SMALLEST || len > Chunker.MAX_SIZE) {
            return;
        }
        int own = Integer.numberOfTrailingZeros(len) - MIN_SHIFT;
        while (kept.addAndGet(len) > keepAtMost) {
            kept.addAndGet(-len);
            if (!dropOther(own)) {
                return;
            }
        }
        free[own].offer(b);
    }

    /** Leaves one kept array of another size to the collector, the smallest sizes first; false if none. */
    private boolean dropOther(int own) {
        for (int i = 0; i < free.length; i++) {
            byte[] other = i == own ? null : free[i].poll();
            if (other != null) {
                kept.addAndGet(-other.length);
                return true;
            }
        }
        return false;
    }
}
