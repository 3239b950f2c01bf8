package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * The read and chunk stage: reads one file in 1 MiB buffers, cuts it with the repository's
 * content-defined chunker and hands each chunk to the {@link BlobPipeline}. One chunker and one
 * buffer per reader thread.
 */
final class FileChunker {
    private static final int BUFFER = 1 << 20;

    private final ThreadLocal<Chunker> chunkers;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    private final FileOpener opener;
    private final BlobPipeline blobs;
    private final Counters counters;
    private final BooleanSupplier stop;

    FileChunker(Repository repo, FileOpener opener, BlobPipeline blobs, Counters counters, BooleanSupplier stop) {
        this.chunkers = ThreadLocal.withInitial(repo::newChunker);
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
        Growable chunk = new Growable();
        long length = 0;
        try (FileChannel ch = opener.open(file)) {
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
                    ids.add(blobs.submit(chunk.take()));
                    off += cut;
                }
            }
        }
        if (chunk.size > 0) {
            ids.add(blobs.submit(chunk.take()));
        }
        return new Chunks(ids, length);
    }

    /** A byte array that grows to the size of one chunk (at most 8 MiB). */
    private static final class Growable {
        private byte[] data = new byte[64 << 10];
        private int size;

        void append(byte[] b, int off, int len) {
            if (size + len > data.length) {
                data = Arrays.copyOf(data, Math.max(size + len, Math.min(data.length * 2, Chunker.MAX_SIZE)));
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        byte[] take() {
            byte[] out = Arrays.copyOf(data, size);
            size = 0;
            return out;
        }
    }
}
