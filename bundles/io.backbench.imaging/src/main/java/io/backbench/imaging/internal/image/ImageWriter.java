package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;

/**
 * Reads a source chunk by chunk and stores the chunks. Chunks holding no used byte are the zero
 * chunk without a read. Worker threads take the other chunks in ascending order (so the device sees
 * nearly sequential reads, several in flight), each reading its chunk into its own buffer, then
 * detecting an all-zero chunk, hashing, compressing, encrypting and packing it: no hand-over between
 * threads, no copies, and a slow read on one worker leaves the processors to the others. The calling
 * thread reports progress, polls for cancellation and waits.
 */
final class ImageWriter {
    /** What was stored: the chunk ids in order and the counts. */
    record Stored(List<Id> chunks, long zeroChunks, long newChunks, long bytesNew, long bytesRead, Extents unreadable) {
    }

    private final Repository repo;
    private final ImageProgress progress;

    ImageWriter(Repository repo, ImageProgress progress) {
        this.repo = repo;
        this.progress = progress;
    }

    /** @param reuse chunks of the previous image to take unread, or null to read every used chunk */
    Stored write(BlockSource source, Extents used, ImageOptions options, ChangedChunks reuse) throws IOException {
        int cs = options.chunkSize();
        long size = source.size();
        int n = Math.toIntExact((size + cs - 1) / cs);
        ZeroBlobs zeroBlobs = new ZeroBlobs(repo);
        Id[] ids = new Id[n];
        int[] toRead = new int[n];
        int reads = 0;
        long reusedBytes = 0;
        for (int c = 0; c < n; c++) {
            long from = (long) c * cs;
            int len = (int) Math.min(cs, size - from);
            Id previous;
            if (!used.intersects(from, from + len)) {
                ids[c] = zeroBlobs.id(len);
            } else if (reuse != null && (previous = reuse.reusable(c, from, len, used)) != null) {
                ids[c] = previous;
                reusedBytes += used.totalIn(from, from + len);
            } else {
                toRead[reads++] = c;
            }
        }
        Shared shared = new Shared(Arrays.copyOf(toRead, reads), used.total(), cs, zeroBlobs.id(cs),
                zeroBlobs.id((int) (size - (long) (n - 1) * cs)));
        shared.usedDone.addAndGet(reusedBytes);
        int threads = Math.max(1, Math.min(reads, options.threads() > 0 ? options.threads() : defaultThreads()));
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(source, used, options, shared, ids);
            Thread t = new Thread(w, "backbench-image-" + (i + 1));
            t.setDaemon(true);
            workers.add(w);
            w.thread = t;
            t.start();
        }
        try {
            waitFor(workers, shared, source);
        } finally {
            shared.stop = true;
        }
        long zeroChunks = 0;
        for (int c = 0; c < n; c++) {
            int len = (int) Math.min(cs, size - (long) c * cs);
            if (ids[c].equals(zeroBlobs.id(len))) {
                zeroBlobs.markUsed(len);
                zeroChunks++;
            }
        }
        zeroBlobs.saveUsed();
        Extents.Builder unreadable = new Extents.Builder();
        long bytesRead = 0;
        for (Worker w : workers) {
            unreadable.addAll(w.reader.unreadable());
            bytesRead += w.reader.bytesRead();
        }
        return new Stored(Arrays.asList(ids), zeroChunks, shared.newChunks.get() + zeroBlobs.newBlobs(),
                shared.bytesNew.get() + zeroBlobs.newBytes(), bytesRead, unreadable.build());
    }

    /**
     * Two per processor, plus one: each worker reads its chunk with synchronous O_DIRECT reads (no
     * kernel read-ahead), so several reads must be in flight to keep the device busy; on a disk shared
     * with other work a read took milliseconds and one spare worker left the processors idle.
     */
    static int defaultThreads() {
        return 2 * Runtime.getRuntime().availableProcessors() + 1;
    }

    /** On the calling thread: progress every 100 ms until the workers end; cancellation and failures stop them. */
    private void waitFor(List<Worker> workers, Shared shared, BlockSource source) throws IOException {
        try {
            for (Worker w : workers) {
                while (w.thread.isAlive()) {
                    w.thread.join(100);
                    progress.update("image", shared.usedDone.get(), shared.usedTotal);
                    if (progress.cancelled()) {
                        shared.stop = true;
                        joinAll(workers);
                        throw new CancellationException("imaging " + source.describe() + " was cancelled");
                    }
                    if (shared.failure.get() != null) {
                        shared.stop = true;
                        joinAll(workers);
                        rethrow(shared.failure.get());
                    }
                }
            }
        } catch (InterruptedException e) {
            shared.stop = true;
            Thread.currentThread().interrupt();
            throw new CancellationException("imaging " + source.describe() + " was interrupted");
        }
        rethrow(shared.failure.get());
    }

    private static void joinAll(List<Worker> workers) throws InterruptedException {
        for (Worker w : workers) {
            w.thread.join();
        }
    }

    /** State the workers share: which chunk is next, the counts, the first failure and the stop flag. */
    private static final class Shared {
        final int[] toRead;
        final long usedTotal;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong usedDone = new AtomicLong();
        final AtomicLong newChunks = new AtomicLong();
        final AtomicLong bytesNew = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final byte[] zeros;
        final Id zeroFull;
        final Id zeroLast;
        volatile boolean stop;

        Shared(int[] toRead, long usedTotal, int chunkSize, Id zeroFull, Id zeroLast) {
            this.toRead = toRead;
            this.usedTotal = usedTotal;
            this.zeros = new byte[chunkSize];
            this.zeroFull = zeroFull;
            this.zeroLast = zeroLast;
        }
    }

    /** A worker thread: reads, checks and stores chunks until none is left, with its own buffer and reader. */
    private final class Worker implements Runnable {
        final ChunkReader reader;
        private final Extents used;
        private final int cs;
        private final long size;
        private final Shared shared;
        private final Id[] ids;
        private final byte[] buf;
        Thread thread;

        Worker(BlockSource source, Extents used, ImageOptions options, Shared shared, Id[] ids) {
            this.reader = new ChunkReader(source, options.skipBadSectors());
            this.used = used;
            this.cs = options.chunkSize();
            this.size = source.size();
            this.shared = shared;
            this.ids = ids;
            this.buf = new byte[cs];
        }

        @Override
        public void run() {
            try {
                for (int i = shared.next.getAndIncrement(); i < shared.toRead.length && !shared.stop; i = shared.next.getAndIncrement()) {
                    int c = shared.toRead[i];
                    long from = (long) c * cs;
                    int len = (int) Math.min(cs, size - from);
                    reader.read(used, from, len, buf);
                    ids[c] = store(len);
                    shared.usedDone.addAndGet(used.totalIn(from, from + len));
                }
            } catch (Throwable t) {
                shared.failure.compareAndSet(null, t);
                shared.stop = true;
            }
        }

        private Id store(int len) throws RepositoryException {
            if (Arrays.mismatch(buf, 0, len, shared.zeros, 0, len) < 0) {
                return len == cs ? shared.zeroFull : shared.zeroLast;
            }
            Id id = Id.hash(buf, 0, len);
            if (!repo.hasBlob(BlobType.DATA, id) && repo.saveBlob(BlobType.DATA, id, buf, 0, len)) {
                shared.newChunks.incrementAndGet();
                shared.bytesNew.addAndGet(len);
            }
            return id;
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof RepositoryException r) {
            throw new ImagingException("storing a chunk failed: " + r.getMessage(), r);
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw new ImagingException("storing a chunk failed: " + t, t);
    }

    /**
     * The ids of all-zero chunks (a full one and perhaps a shorter last one), each stored once if an
     * image uses it. Used by the calling thread only.
     */
    static final class ZeroBlobs {
        private final Repository repo;
        private final java.util.Map<Integer, Id> byLength = new java.util.HashMap<>();
        private final java.util.Set<Integer> used = new java.util.HashSet<>();
        private long newBlobs;
        private long newBytes;

        ZeroBlobs(Repository repo) {
            this.repo = repo;
        }

        Id id(int length) {
            return byLength.computeIfAbsent(length, ZeroChunkIds::of);
        }

        void markUsed(int length) {
            used.add(length);
        }

        void saveUsed() throws RepositoryException {
            for (var e : new ArrayList<>(byLength.entrySet())) {
                if (!used.contains(e.getKey())) {
                    continue;
                }
                if (!repo.hasBlob(BlobType.DATA, e.getValue())) {
                    byte[] z = new byte[e.getKey()];
                    if (repo.saveBlob(BlobType.DATA, e.getValue(), z, 0, z.length)) {
                        newBlobs++;
                        newBytes += z.length;
                    }
                }
            }
        }

        long newBlobs() {
            return newBlobs;
        }

        long newBytes() {
            return newBytes;
        }
    }
}
