package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.api.RestoreResult;
import io.backbench.imaging.api.UnusedBlocks;
import io.backbench.imaging.internal.image.ImageMetadata;
import io.backbench.imaging.internal.image.ImageStore;
import io.backbench.imaging.internal.image.ZeroChunkIds;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.repository.api.BlobIndex;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;

/**
 * Writes an image to a device or file. The calling thread groups the chunks by pack, a few at a
 * time ({@link PackLoad}), and hands the groups to loader threads (two per processor plus one), which
 * read each group's pack range once, decrypt (checking the MAC), decompress (and on request hash) its
 * chunks into the repository's per-thread buffers, and write them with positional writes (any order;
 * aligned runs bypass the page cache, see {@link TargetWriter}): no array per chunk. A new file is
 * created sparse: only non-zero 4 KiB blocks are written, merged into runs. On a larger target a
 * GPT's backup structures are moved to the new end last, so an interrupted restore never looks like
 * a complete disk.
 */
public final class Restorer {
    private static final int SPARSE_BLOCK = 4096;
    private static final byte[] ZERO_BLOCK = new byte[SPARSE_BLOCK];

    private final Repository repo;
    private final ImageProgress progress;

    public Restorer(Repository repo, ImageProgress progress) {
        this.repo = repo;
        this.progress = progress;
    }

    public RestoreResult restore(ImageStore.Image image, Path target, RestoreOptions options) throws IOException {
        ImageMetadata m = image.metadata();
        long existing = TargetGuard.size(target);
        TargetGuard.check(m, target, existing < 0 ? m.size() : existing, options.overwriteSource());
        return write(image, target, existing < 0, options.unused(), options.threads(), options.checkChunks(), "restore", true);
    }

    /** Writes the image as a new sparse raw file of exactly its size. */
    public RestoreResult export(ImageStore.Image image, Path file) throws IOException {
        if (Files.exists(file)) {
            throw new ImagingException(file + " already exists; remove it or export to a new file name");
        }
        return write(image, file, true, UnusedBlocks.ZERO, 0, false, "export", false);
    }

    private RestoreResult write(ImageStore.Image image, Path target, boolean fresh, UnusedBlocks unused, int threadCount,
            boolean checkChunks, String phase, boolean relocateGpt) throws IOException {
        ImageMetadata m = image.metadata();
        List<String> warnings = new ArrayList<>();
        AtomicLong written = new AtomicLong();
        long targetSize;
        try (FileChannel ch = open(target, fresh)) {
            if (fresh) {
                ch.truncate(0);
                ch.write(ByteBuffer.allocate(1), m.size() - 1); // sets the size; the rest is a hole
            }
            targetSize = ch.size();
            try (TargetWriter out = new TargetWriter(ch, target)) {
                writeChunks(image, out, fresh, unused, threadCount, checkChunks, written, phase);
            }
            boolean relocated = false;
            if (relocateGpt && "gpt".equals(m.tableType()) && targetSize / m.sectorSize() > m.size() / m.sectorSize()) {
                String why = GptRelocator.relocate(ch, m.sectorSize(), m.size(), targetSize);
                if (why != null) {
                    warnings.add("the GPT was restored as imaged but not moved to the end of the larger target: " + why);
                } else {
                    relocated = true;
                }
            }
            ch.force(true);
            return new RestoreResult(target.toString(), m.size(), targetSize, written.get(), relocated, warnings);
        }
    }

    private static FileChannel open(Path target, boolean fresh) throws IOException {
        try {
            return fresh ? FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)
                    : FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new ImagingException("no permission to write " + target + "; run as root or as a member of the 'disk' group", e);
        }
    }

    private void writeChunks(ImageStore.Image image, TargetWriter ch, boolean fresh, UnusedBlocks unused, int threadCount,
            boolean checkChunks, AtomicLong written, String phase) throws IOException {
        ImageMetadata m = image.metadata();
        List<Id> ids = image.raw().content();
        // two per processor plus one: a loader waiting for a pack read or a synchronous O_DIRECT write
        // leaves its processor to another, and several writes in flight keep the device busy
        int threads = threadCount > 0 ? threadCount : 2 * Runtime.getRuntime().availableProcessors() + 1;
        ExecutorService loaders = Executors.newFixedThreadPool(threads, daemon());
        Semaphore inFlight = new Semaphore(2 * threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        byte[] zeros = new byte[m.chunkSize()];
        Extents used = m.used();
        Id zeroFull = ZeroChunkIds.of(m.chunkSize());
        Id zeroLast = ZeroChunkIds.of((int) (m.size() - (long) (ids.size() - 1) * m.chunkSize()));
        BlobIndex index = repo.index();
        Map<Id, PackLoad> filling = new HashMap<>(); // by pack
        ChunkWriter out = new ChunkWriter(ch, fresh, unused, used, m, written);
        try {
            for (int c = 0; c < ids.size(); c++) {
                if (progress.cancelled()) {
                    throw new CancellationException(phase + " was cancelled; the target is incomplete");
                }
                rethrow(failure.get());
                long from = (long) c * m.chunkSize();
                int len = (int) Math.min(m.chunkSize(), m.size() - from);
                progress.update(phase, from, m.size());
                Id id = ids.get(c);
                if (id.equals(len == m.chunkSize() ? zeroFull : zeroLast)) {
                    // a zero chunk: nothing to write on a new file; else zeros where needed
                    if (!fresh) {
                        Extents where = unused == UnusedBlocks.ZERO ? Extents.of(from, len) : used.clip(from, from + len);
                        writeRanges(ch, zeros, 0, from, where, written);
                    }
                    continue;
                }
                PackedBlob blob = index.lookup(BlobType.DATA, id).orElse(null);
                if (blob == null) {
                    throw new ImagingException("restoring failed: the chunk at byte " + from + " (" + id.shortHex()
                            + ") is not in the index of " + repo.describe() + "; the target is incomplete. Run 'backbench check'");
                }
                PackLoad load = filling.computeIfAbsent(blob.pack(), p -> new PackLoad());
                if (load.add(blob, from)) {
                    filling.remove(blob.pack());
                    submit(load, loaders, inFlight, failure, checkChunks, out);
                }
            }
            for (PackLoad load : filling.values()) {
                rethrow(failure.get());
                submit(load, loaders, inFlight, failure, checkChunks, out);
            }
            loaders.shutdown();
            loaders.awaitTermination(7, TimeUnit.DAYS);
            rethrow(failure.get());
            progress.update(phase, m.size(), m.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(phase + " was interrupted; the target is incomplete");
        } finally {
            loaders.shutdownNow();
        }
    }

    /**
     * Loads a group on a loader thread and writes each chunk wherever it occurs; waits while two
     * groups per loader are already queued or loading.
     */
    private void submit(PackLoad load, ExecutorService loaders, Semaphore inFlight, AtomicReference<Throwable> failure,
            boolean checkChunks, ChunkWriter out) throws InterruptedException {
        inFlight.acquire();
        loaders.execute(() -> {
            try {
                // authenticated by its MAC; the SHA-256 again only if asked (see RestoreOptions)
                repo.loadBlobs(load.blobs(), checkChunks, new Repository.BlobReceiver() {
                    @Override
                    public void accept(PackedBlob blob, byte[] plaintext) throws IOException {
                        acceptLent(blob, plaintext, 0, plaintext.length);
                    }

                    @Override
                    public void acceptLent(PackedBlob blob, byte[] data, int offset, int length) throws IOException {
                        for (long position : load.positions(blob)) {
                            out.write(data, offset, length, position);
                        }
                    }
                });
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        });
    }

    /** Writes a chunk's plaintext at its place: sparse on a new file, else all of it or its used ranges. Any thread. */
    private record ChunkWriter(TargetWriter ch, boolean fresh, UnusedBlocks unused, Extents used, ImageMetadata m, AtomicLong written) {
        void write(byte[] data, int off, int length, long from) throws IOException {
            int len = (int) Math.min(m.chunkSize(), m.size() - from);
            if (length != len) {
                throw new ImagingException("the chunk at byte " + from + " is " + length + " bytes, not " + len + "; the image is damaged");
            }
            if (fresh) {
                writeSparse(ch, data, off, len, from, written);
            } else if (unused == UnusedBlocks.ZERO) {
                writeRanges(ch, data, off, from, Extents.of(from, len), written);
            } else {
                writeRanges(ch, data, off, from, used.clip(from, from + len), written);
            }
        }
    }

    /**
     * Writes the parts of the chunk {@code data[off..)} (which starts at device byte {@code base})
     * that lie in {@code where}.
     */
    private static void writeRanges(TargetWriter ch, byte[] data, int off, long base, Extents where, AtomicLong written)
            throws IOException {
        for (int i = 0; i < where.count(); i++) {
            int at = off + (int) (where.start(i) - base);
            int len = (int) (where.end(i) - where.start(i));
            ch.write(where.start(i), data, at, len);
            written.addAndGet(len);
        }
    }

    /** Writes only the non-zero 4 KiB blocks of {@code data[off..off+len)}, merged into runs, so a new file stays sparse. */
    private static void writeSparse(TargetWriter ch, byte[] data, int off, int len, long base, AtomicLong written) throws IOException {
        Extents.Builder runs = new Extents.Builder();
        for (int at = 0; at < len; at += SPARSE_BLOCK) {
            int n = Math.min(SPARSE_BLOCK, len - at);
            if (!isZero(data, off + at, n)) {
                runs.add(base + at, n);
            }
        }
        writeRanges(ch, data, off, base, runs.build(), written);
    }

    private static boolean isZero(byte[] b, int off, int len) {
        return Arrays.mismatch(b, off, off + len, ZERO_BLOCK, 0, len) < 0;
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw new ImagingException("restoring failed: " + io.getMessage() + "; the target is incomplete", io);
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        throw new ImagingException("restoring failed: " + t + "; the target is incomplete", t);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "backbench-restore-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
