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
import io.backbench.target.api.io.DirectIo;

/**
 * The read and chunk stage: reads one file in 1 MiB buffers, cuts it with the repository's
 * content-defined chunker and hands each chunk to the {@link BlobPipeline}, in an array from
 * {@link ChunkBuffers} that the pipeline gives back once the chunk is packed. One chunker and one
 * read buffer per reader thread.
 *
 * <p>Files of at least {@link #DIRECT_MIN} are read around the page cache where the file system
 * allows it ({@link FileOpener#openDirect}): a backup reads each file once, and through the cache the
 * 2 GiB bench corpus cost about 4 s more system time (a full backup took 25.9 CPU s and 13.8-14.4 s,
 * around it 21.9 CPU s and 11.8-12.4 s), and pushed the machine's other cached data out. Smaller
 * files keep the cache: for them one read is one request either way.
 */
final class FileChunker {
    private static final int BUFFER = 1 << 20;
    /** Files at least this long are read around the page cache. */
    static final long DIRECT_MIN = 1 << 20;

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
        try (FileChannel ch = opener.open(file); Reads in = new Reads(ch, ch.size() >= DIRECT_MIN ? opener.openDirect(file) : null)) {
            long expected = ch.size();
            Growable chunk = new Growable(arrays, expected);
            try {
                int n;
                while ((n = in.read(buf, length)) >= 0) {
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

    /**
     * A file's reads: from the direct channel while it gives whole aligned pieces, then (at the end
     * of the file, or if the file system refuses a direct read) from the ordinary one, which then
     * reads the rest. Closes the direct channel.
     */
    private static final class Reads implements AutoCloseable {
        private final FileChannel ch;
        private FileChannel direct;

        Reads(FileChannel ch, FileChannel direct) {
            this.ch = ch;
            this.direct = direct;
        }

        /** Up to {@code buf.length} bytes from {@code position} (the bytes read so far); -1 at the end. */
        int read(byte[] buf, long position) throws IOException {
            if (direct != null) {
                int n;
                try {
                    n = DirectIo.read(direct, position, buf, 0, buf.length);
                } catch (IOException e) {
                    n = 0; // EINVAL and the like from a file system that opened it: the ordinary channel reads it
                }
                if (n == buf.length) {
                    return n;
                }
                close();
                ch.position(position + n);
                if (n > 0) {
                    return n;
                }
            }
            return ch.read(ByteBuffer.wrap(buf));
        }

        @Override
        public void close() throws IOException {
            if (direct != null) {
                FileChannel d = direct;
                direct = null;
                d.close();
            }
        }
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
