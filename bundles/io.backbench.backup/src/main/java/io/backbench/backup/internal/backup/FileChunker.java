package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * The read and chunk stage: reads one file in 1 MiB buffers, cuts it with the repository's
 * content-defined chunker and hands each chunk to the {@link BlobPipeline}, in an array from
 * {@link ChunkBuffers} that the pipeline gives back once the chunk is packed. One chunker and one
 * read buffer per reader thread.
 */
final class FileChunker {
    private static final int BUFFER = 1 << 20;

    private final ThreadLocal<Chunker> chunkers;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    private final ChunkBuffers arrays;
    private final FileOpener opener;
    private final BlobPipeline blobs;
    private final Counters counters;
    private final BooleanSupplier stop;

    FileChunker(Repository repo, FileOpener opener, BlobPipeline blobs, ChunkBuffers arrays, Counters counters,
            BooleanSupplier stop) {
        this.chunkers = ThreadLocal.withInitial(repo::newChunker);
        this.arrays = arrays;
        this.opener = opener;
        this.blobs = blobs;
        this.counters = counters;
        this.stop = stop;
    }

    /** The file as it is read now: its chunks' ids to come, in order, and its length. */
    record Chunks(List<CompletableFuture<Id>> ids, long length) {
    }

    Chunks read(Path file) throws IOException, InterruptedException {
        byte[] buf = buffers.get();
        Chunker chunker = chunkers.get();
        chunker.reset();
        List<CompletableFuture<Id>> ids = new ArrayList<>();
        long length = 0;
        try (FileChannel ch = opener.open(file)) {
            long expected = ch.size();
            Growable chunk = new Growable(arrays, expected);
            try {
                int n;
                while ((n = ch.read(ByteBuffer.wrap(buf))) >= 0) {
                    if (stop.getAsBoolean()) {
                        throw new CancellationException("backup stopped");
                    }
                    length += n;
                    counters.bytesRead.addAndGet(n);
                    counters.bytesDone.addAndGet(n);
                    int off = 0;
                    while (off < n) {
                        int cut = chunker.next(buf, off, n - off);
                        if (cut < 0) {
                            chunk.append(buf, off, n - off);
                            break;
                        }
                        chunk.append(buf, off, cut);
                        off += cut;
                        ids.add(submit(chunk, expected - length + (n - off)));
                    }
                }
                if (chunk.size > 0) {
                    ids.add(submit(chunk, 0));
                }
            } finally {
                chunk.discard();
            }
        }
        return new Chunks(ids, length);
    }

    /** Hands the chunk's array to the savers; the chunk starts again for the {@code remaining} bytes expected. */
    private CompletableFuture<Id> submit(Growable chunk, long remaining) throws InterruptedException {
        int size = chunk.size;
        byte[] data = chunk.handOver(remaining);
        return blobs.submit(data, size);
    }

    /**
     * The chunk being read: an array from {@link ChunkBuffers} sized for the bytes still expected (the
     * last chunk of a file is at most its rest; a large file's start at 2 MiB), growing to at most
     * 8 MiB by taking a larger one. Not thread-safe: one reader thread.
     */
    private static final class Growable {
        private static final int FIRST = 2 << 20;
        private final ChunkBuffers arrays;
        private byte[] data;
        private int size;

        Growable(ChunkBuffers arrays, long expected) {
            this.arrays = arrays;
            this.data = arrays.take(firstSize(expected));
        }

        private static int firstSize(long expected) {
            return (int) Math.max(1, Math.min(expected, FIRST));
        }

        void append(byte[] b, int off, int len) {
            if (size + len > data.length) {
                byte[] bigger = arrays.take(Math.max(size + len, Math.min(data.length * 2, Chunker.MAX_SIZE)));
                System.arraycopy(data, 0, bigger, 0, size);
                arrays.give(data);
                data = bigger;
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        /** The filled array (now the caller's), and a new one for the next chunk. */
        byte[] handOver(long remaining) {
            byte[] out = data;
            data = arrays.take(firstSize(remaining));
            size = 0;
            return out;
        }

        void discard() {
            arrays.give(data);
            data = null;
        }
    }
}
