package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Reads a source chunk by chunk and stores the chunks: the calling thread reads the used ranges of
 * each chunk in order (sequential reads suit disks) and detects all-zero chunks; saver threads hash,
 * compress, encrypt and pack the others. A fixed pool of chunk buffers bounds the memory and makes
 * the reader wait when the savers fall behind.
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

    Stored write(BlockSource source, Extents used, ImageOptions options) throws IOException {
        int cs = options.chunkSize();
        long size = source.size();
        int n = Math.toIntExact((size + cs - 1) / cs);
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(2 * threads + 2);
        for (int i = 0; i < 2 * threads + 2; i++) {
            buffers.add(new byte[cs]);
        }
        byte[] zeros = new byte[cs];
        ZeroBlobs zeroBlobs = new ZeroBlobs(repo);
        Id[] ids = new Id[n];
        AtomicLong newChunks = new AtomicLong();
        AtomicLong bytesNew = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ChunkReader reader = new ChunkReader(source, options.skipBadSectors());
        long zeroChunks = 0;
        long usedTotal = used.total();
        long usedDone = 0;
        ExecutorService savers = Executors.newFixedThreadPool(threads, daemon("backbench-image-save"));
        try {
            for (int c = 0; c < n; c++) {
                if (progress.cancelled()) {
                    throw new CancellationException("imaging " + source.describe() + " was cancelled");
                }
                rethrow(failure.get());
                long from = (long) c * cs;
                int len = (int) Math.min(cs, size - from);
                if (!used.intersects(from, from + len)) {
                    ids[c] = zeroBlobs.id(len);
                    zeroChunks++;
                    continue;
                }
                byte[] buf = buffers.take();
                Arrays.fill(buf, 0, len, (byte) 0);
                reader.read(used, from, len, buf);
                usedDone += used.totalIn(from, from + len);
                progress.update("image", usedDone, usedTotal);
                if (Arrays.mismatch(buf, 0, len, zeros, 0, len) < 0) {
                    ids[c] = zeroBlobs.id(len);
                    zeroChunks++;
                    buffers.put(buf);
                    continue;
                }
                int index = c;
                savers.execute(() -> {
                    try {
                        Id id = Id.hash(buf, 0, len);
                        if (!repo.hasBlob(BlobType.DATA, id) && repo.saveBlob(BlobType.DATA, id, buf, 0, len)) {
                            newChunks.incrementAndGet();
                            bytesNew.addAndGet(len);
                        }
                        ids[index] = id;
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        buffers.add(buf);
                    }
                });
            }
            savers.shutdown();
            if (!savers.awaitTermination(7, TimeUnit.DAYS)) {
                throw new ImagingException("saving the chunks did not finish");
            }
            rethrow(failure.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("imaging " + source.describe() + " was interrupted");
        } finally {
            savers.shutdownNow();
        }
        zeroBlobs.saveUsed();
        newChunks.addAndGet(zeroBlobs.newBlobs());
        return new Stored(Arrays.asList(ids), zeroChunks, newChunks.get(), bytesNew.get() + zeroBlobs.newBytes(), reader.bytesRead(),
                reader.unreadable());
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

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The ids of all-zero chunks (a full one and perhaps a shorter last one), each stored once if used. */
    static final class ZeroBlobs {
        private final Repository repo;
        private final java.util.Map<Integer, Id> byLength = new java.util.HashMap<>();
        private long newBlobs;
        private long newBytes;

        ZeroBlobs(Repository repo) {
            this.repo = repo;
        }

        Id id(int length) {
            return byLength.computeIfAbsent(length, len -> Id.hash(new byte[len]));
        }

        boolean isZero(Id id, int length) {
            return id.equals(id(length));
        }

        void saveUsed() throws RepositoryException {
            for (var e : new ArrayList<>(byLength.entrySet())) {
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
