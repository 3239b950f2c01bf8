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
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.target.api.io.DirectIo;

/**
 * The read and chunk stage: reads one file into its chunks' arrays, cuts it with the repository's
 * content-defined chunker and hands each chunk to the {@link BlobPipeline}, in an array from
 * {@link ChunkBuffers} that the pipeline gives back once the chunk is packed. One chunker per reader
 * thread. A read lands in the chunk's own array (the bytes after a cut move to the next one), so the
 * file's bytes are copied once on their way to the savers, not twice (first into a read buffer).
 *
 * <p>Files of at least {@link #DIRECT_MIN} are read around the page cache where the file system
 * allows it ({@link FileOpener#openDirect}): a backup reads each file once, and through the cache the
 * 2 GiB bench corpus cost about 4 s more system time (a full backup took 25.9 CPU s and 13.8-14.4 s,
 * around it 21.9 CPU s and 11.8-12.4 s), and pushed the machine's other cached data out. Smaller
 * files keep the cache: for them one read is one request either way.
 */
final class FileChunker {
    /** The largest read through the page cache. */
    private static final int BUFFER = 1 << 20;
    /** Files at least this long are read around the page cache. */
    static final long DIRECT_MIN = 1 << 20;

    private final ThreadLocal<Chunker> chunkers;
    /** Per reader thread, for a read once the chunk's array is full. */
    private final ThreadLocal<byte[]> spares = ThreadLocal.withInitial(() -> new byte[64 << 10]);
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

    /** The file as it is read now: its chunks' ids to come, in order, its length and its extended attributes. */
    record Chunks(List<CompletableFuture<Id>> ids, long length, List<ExtendedAttribute> xattrs) {
    }

    /** Reads the extended attributes of a file open for reading (and reports a failure itself). */
    interface XattrReader {
        List<ExtendedAttribute> read(Path file, FileChannel open);
    }

    /**
     * Reads {@code file} to its end, and its extended attributes once it is open. {@code expected}
     * is its size when the walk saw it (its lstat): what the chunk arrays are sized for and whether it
     * is read around the page cache; the file may have changed since (asking the open file costs two
     * {@code fstat} calls a file).
     */
    Chunks read(Path file, long expected, XattrReader xattrReader) throws IOException, InterruptedException {
        Chunker chunker = chunkers.get();
        chunker.reset();
        List<CompletableFuture<Id>> ids = new ArrayList<>();
        long length = 0;
        List<ExtendedAttribute> xattrs;
        try (FileChannel ch = opener.open(file); Reads in = new Reads(ch, expected >= DIRECT_MIN ? opener.openDirect(file) : null)) {
            xattrs = xattrReader.read(file, ch);
            Growable chunk = new Growable(arrays, expected);
            try {
                int n;
                // each read lands at the end of the chunk's own array, and the chunker scans it there
                while ((n = in.read(chunk, length, spares.get())) >= 0) {
                    if (stop.getAsBoolean()) {
                        throw new CancellationException("backup stopped");
                    }
                    length += n;
                    counters.bytesRead.addAndGet(n);
                    counters.bytesDone.addAndGet(n);
                    int off = chunk.size - n;
                    while (off < chunk.size) {
                        int cut = chunker.next(chunk.data, off, chunk.size - off);
                        if (cut < 0) {
                            break;
                        }
                        int end = off + cut;
                        ids.add(submit(chunk, end, expected - length));
                        off = 0; // the bytes after the cut start the next chunk
                    }
                }
                if (chunk.size > 0) {
                    ids.add(submit(chunk, chunk.size, 0));
                }
            } finally {
                chunk.discard();
            }
        }
        return new Chunks(ids, length, xattrs);
    }

    /**
     * A file's reads, each appended to the chunk: from the direct channel while it gives whole aligned
     * pieces, copied out of the native buffer {@link #PART} bytes at a time (so that a cut leaves
     * little to move to the next chunk), then (at the end of the file, or if the file system refuses
     * a direct read) from the ordinary channel, which then reads the rest. Closes the direct channel.
     */
    private static final class Reads implements AutoCloseable {
        /** How much of a direct read goes into the chunk before the chunker looks at it. */
        private static final int PART = 256 << 10;
        private final FileChannel ch;
        private FileChannel direct;
        private ByteBuffer pending;
        private boolean lastDirect;

        Reads(FileChannel ch, FileChannel direct) {
            this.ch = ch;
            this.direct = direct;
        }

        /**
         * Appends the next bytes at {@code position} (the bytes read so far) to {@code chunk}; returns
         * how many, -1 at the end. {@code spare} is for a read once the chunk's array is full (the end
         * of the file, or a file that grew).
         */
        int read(Growable chunk, long position, byte[] spare) throws IOException {
            if (pending != null && pending.hasRemaining()) {
                int n = Math.min(PART, pending.remaining());
                chunk.room(n);
                pending.get(chunk.data, chunk.size, n);
                chunk.size += n;
                return n;
            }
            pending = null;
            if (lastDirect) {
                // what the last direct read gave was short: the file ends there; the ordinary channel
                // reads on from it (nothing, or what was appended since)
                lastDirect = false;
                close();
                ch.position(position);
            }
            if (direct != null) {
                try {
                    pending = DirectIo.readBuffer(direct, position, DirectIo.PIECE);
                } catch (IOException e) {
                    pending = null; // EINVAL and the like from a file system that opened it: the ordinary channel reads it
                }
                if (pending != null && pending.hasRemaining()) {
                    lastDirect = pending.remaining() < DirectIo.PIECE;
                    return read(chunk, position, spare);
                }
                pending = null;
                close();
                ch.position(position);
            }
            int room = chunk.data.length - chunk.size;
            if (room == 0) {
                int n = ch.read(ByteBuffer.wrap(spare));
                if (n > 0) {
                    chunk.append(spare, 0, n);
                }
                return n;
            }
            int n = ch.read(ByteBuffer.wrap(chunk.data, chunk.size, Math.min(room, BUFFER)));
            if (n > 0) {
                chunk.size += n;
            }
            return n;
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

    /**
     * Hands {@code chunk[0..end)} to the savers; the bytes after {@code end} move to the chunk's new
     * array (sized for them and the {@code remaining} bytes expected) first: the handed-over array may
     * be reused as soon as it is packed.
     */
    private CompletableFuture<Id> submit(Growable chunk, int end, long remaining) throws InterruptedException {
        byte[] data = chunk.handOver(end, remaining);
        return blobs.submit(data, end);
    }

    /**
     * The chunk being read: an array from {@link ChunkBuffers} sized for the bytes still expected (the
     * last chunk of a file is at most its rest; a large file's start at 2 MiB), growing to at most
     * 8 MiB by taking a larger one. Not thread-safe: one reader thread.
     */
    private static final class Growable {
        private static final int FIRST = 2 << 20;
        private static final byte[] NONE = {};
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

        /** Makes room for {@code n} more bytes. */
        void room(int n) {
            if (size + n > data.length) {
                byte[] bigger = arrays.take(Math.max(size + n, Math.min(data.length * 2, Chunker.MAX_SIZE)));
                System.arraycopy(data, 0, bigger, 0, size);
                arrays.give(data);
                data = bigger;
            }
        }

        void append(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        /**
         * The filled array (now the caller's: {@code [0..end)} is the chunk), and a new one for the
         * next chunk holding the bytes after {@code end}, with room for {@code remaining} more.
         */
        byte[] handOver(int end, long remaining) {
            byte[] out = data;
            int tail = size - end;
            // (after the file's last chunk: no array, unless a read finds that the file grew; a file
            // that grew since the walk saw it has less than nothing remaining, and still its tail)
            data = tail == 0 && remaining <= 0 ? NONE : arrays.take(Math.max(tail, firstSize(Math.max(0, remaining) + tail)));
            System.arraycopy(out, end, data, 0, tail);
            size = tail;
            return out;
        }

        void discard() {
            arrays.give(data);
            data = null;
        }
    }
}
