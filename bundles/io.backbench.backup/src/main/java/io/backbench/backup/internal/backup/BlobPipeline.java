package io.backbench.backup.internal.backup;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * The hash, compress, encrypt and pack stage: chunks handed in by reader threads are hashed and
 * saved on the saver threads ({@link Repository#saveBlob} compresses and encrypts on the calling
 * thread and uploads a full pack there). A {@link Gate} over the bytes in flight makes readers wait
 * when the savers fall behind, so memory stays bounded.
 */
final class BlobPipeline {
    /**
     * The zstd level of file data under compression auto. restic's auto mode (the Go zstd's default)
     * made the bench corpus's repository 1.3% larger than zstd level 3 does; level 2 makes it 0.3%
     * larger than restic's, and compresses about 20% faster than level 3 (a full backup of the corpus:
     * 6% less time). Disk images stay at level 3, the level of their peers.
     */
    static final int ZSTD_LEVEL = 2;
    private static final byte[] ZEROS = new byte[64 * 1024];
    private final Repository repo;
    private final ExecutorService savers;
    /** KiB of chunk arrays in flight: readers at the limit wait until half of it is free. */
    private final Gate budgetKiB;
    private final Counters counters;
    private final ChunkBuffers arrays;
    private volatile Throwable failure;
    private final Map<Integer, Id> zeroIds = new ConcurrentHashMap<>();

    BlobPipeline(Repository repo, ExecutorService savers, long memoryBudget, ChunkBuffers arrays, Counters counters) {
        this.repo = repo;
        this.arrays = arrays;
        this.savers = savers;
        long kib = Math.max(1, memoryBudget >> 10);
        this.budgetKiB = new Gate(kib, kib / 2);
        this.counters = counters;
    }

    /**
     * Called on a reader thread; blocks while too many bytes are in flight (counted by the arrays'
     * sizes: that is the memory held). Takes {@code chunk[0..length)}, and the array, which goes back
     * to the {@link ChunkBuffers} once packed.
     */
    CompletableFuture<Id> submit(byte[] chunk, int length) throws InterruptedException {
        int permits = Math.max(1, (chunk.length + 1023) >> 10);
        budgetKiB.take(permits);
        CompletableFuture<Id> f = new CompletableFuture<>();
        try {
            savers.execute(() -> save(chunk, length, permits, f));
        } catch (RuntimeException e) {
            budgetKiB.give(permits);
            arrays.give(chunk);
            throw e;
        }
        return f;
    }

    // on a saver thread
    private void save(byte[] chunk, int length, int permits, CompletableFuture<Id> f) {
        try {
            Id id = zeros(chunk, length) ? zeroIds.computeIfAbsent(length, n -> Id.hash(new byte[n])) : Id.hash(chunk, 0, length);
            if (!repo.hasBlob(BlobType.DATA, id) && repo.saveBlob(BlobType.DATA, id, chunk, 0, length, ZSTD_LEVEL)) {
                counters.blobsNew.incrementAndGet();
                counters.bytesNew.addAndGet(length);
            }
            f.complete(id);
        } catch (Throwable t) {
            failure = t;
            f.completeExceptionally(t);
        } finally {
            arrays.give(chunk); // saveBlob copied it into the pack
            budgetKiB.give(permits);
        }
    }

    /**
     * Whether {@code chunk[0..length)} is all zeros. A run of zeros (a sparse file's holes, a zeroed
     * disk image) is cut into chunks of the minimum size, all the same: their id is hashed once per
     * length instead of once per chunk. The test stops at the first byte that is not zero, so other
     * data costs next to nothing.
     */
    private static boolean zeros(byte[] chunk, int length) {
        for (int off = 0; off < length; off += ZEROS.length) {
            int n = Math.min(ZEROS.length, length - off);
            if (Arrays.mismatch(chunk, off, off + n, ZEROS, 0, n) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The first repository failure of a saver thread, or null. */
    Throwable failure() {
        return failure;
    }
}
