package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.backup.internal.restore.RestorePlan.Item;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.target.api.io.IoErrors;

/**
 * Writes the content of many files pack by pack, as restic's restorer does: every pack that holds
 * wanted blobs is read once (one range read covering them) and each blob is written at every place
 * it occurs, in whichever files. A file is finished (its length set, so trailing holes count, then
 * handed to {@link Finisher}) when its last piece is written, on the thread that wrote it. A blob that
 * is all zeros becomes a hole when writing sparse (the common zero chunk is known by its id, without
 * loading it). {@link #plan} runs on the restore's thread; the tasks it returns run on the writers.
 *
 * <p>Once a write finds the target's file system full, nothing more is written: every file not
 * complete by then fails with {@link #NO_SPACE} and what was written of it is removed (the restore
 * made it), so that no truncated file is left looking restored; {@link #full} says why.
 */
final class ContentWriter {
    private static final int BUFFER = 1 << 20;
    /** A long run of zeros is cut into chunks of the minimum size: the fingerprint of a zero window is 0. */
    private static final int ZERO_CHUNK = io.backbench.repository.api.Chunker.MIN_SIZE;
    private static final Id ZERO_CHUNK_ID = Id.hash(new byte[ZERO_CHUNK]);
    /** Files without anything to write are created in groups of this many per task. */
    private static final int EMPTY_BATCH = 256;
    /** The error of a file not restored because the target's file system is full (see {@link #full}). */
    static final String NO_SPACE = "not restored: the target's file system is full";

    /** Called on a writer thread when a file's content is complete (or failed: {@code error} not null). */
    interface Finisher {
        void finished(Item file, long bytes, String error);
    }

    /** One file being written: its pieces still to come, its final length, where its data ends. */
    static final class FileTask {
        final Item item;
        final long size;
        final AtomicInteger pending = new AtomicInteger();
        final AtomicLong dataEnd = new AtomicLong();
        volatile String error;

        FileTask(Item item, long size) {
            this.item = item;
            this.size = size;
        }
    }

    private record Piece(FileTask file, long offset) {
    }

    private static final class Wanted {
        final PackedBlob blob;
        final List<Piece> pieces = new ArrayList<>(1);

        Wanted(PackedBlob blob) {
            this.blob = blob;
        }
    }

    private final Repository repo;
    private final boolean sparse;
    private final Finisher finisher;
    /** Why writing stopped (the reason of the first write the full file system refused), or null. */
    private final AtomicReference<String> full = new AtomicReference<>();

    ContentWriter(Repository repo, boolean sparse, Finisher finisher) {
        this.repo = repo;
        this.sparse = sparse;
        this.finisher = finisher;
    }

    /**
     * Works out which pack gives which bytes to which file; returns one task per pack (and per group
     * of files with nothing to write). Throws if a blob is missing from the index.
     */
    List<Callable<Void>> plan(List<Item> files) throws RepositoryException {
        Map<Id, Map<Id, Wanted>> byPack = new LinkedHashMap<>();
        List<FileTask> nothingToWrite = new ArrayList<>();
        for (Item f : files) {
            List<Id> content = f.node().content() == null ? List.of() : f.node().content();
            List<PackedBlob> blobs = new ArrayList<>(content.size());
            long size = 0;
            for (Id id : content) {
                PackedBlob b = lookup(id);
                blobs.add(b);
                size += b.plaintextLength();
            }
            FileTask task = new FileTask(f, size);
            long pos = 0;
            List<Piece> pieces = new ArrayList<>(blobs.size());
            List<Wanted> where = new ArrayList<>(blobs.size());
            for (PackedBlob b : blobs) {
                if (!(sparse && b.plaintextLength() == ZERO_CHUNK && b.id().equals(ZERO_CHUNK_ID))) {
                    Wanted w = byPack.computeIfAbsent(b.pack(), k -> new LinkedHashMap<>()).computeIfAbsent(b.id(), k -> new Wanted(b));
                    pieces.add(new Piece(task, pos));
                    where.add(w);
                }
                pos += b.plaintextLength();
            }
            // count all pieces before any is added: a writer must not see the count reach 0 early
            task.pending.set(pieces.size());
            for (int i = 0; i < pieces.size(); i++) {
                where.get(i).pieces.add(pieces.get(i));
            }
            if (pieces.isEmpty()) {
                nothingToWrite.add(task);
            }
        }
        List<Callable<Void>> tasks = new ArrayList<>(byPack.size() + nothingToWrite.size() / EMPTY_BATCH + 1);
        for (int i = 0; i < nothingToWrite.size(); i += EMPTY_BATCH) {
            List<FileTask> group = nothingToWrite.subList(i, Math.min(nothingToWrite.size(), i + EMPTY_BATCH));
            tasks.add(() -> {
                for (FileTask t : group) {
                    finish(t);
                }
                return null;
            });
        }
        for (Map<Id, Wanted> pack : byPack.values()) {
            tasks.add(() -> {
                restorePack(pack);
                return null;
            });
        }
        return tasks;
    }

    /** Why nothing more is written (the target's file system is full), or null while writing goes on. */
    String full() {
        return full.get();
    }

    private PackedBlob lookup(Id id) throws RepositoryException {
        PackedBlob b = repo.index().lookup(BlobType.DATA, id).orElse(null);
        if (b == null) {
            throw new RepositoryException("data blob " + id.shortHex() + " is not in the index of " + repo.describe()
                    + "; the repository is damaged ('backbench repo check' tells more)");
        }
        return b;
    }

    // on a writer thread
    private void restorePack(Map<Id, Wanted> pack) {
        Map<FileTask, FileChannel> open = new IdentityHashMap<>();
        if (full.get() != null) {
            failAll(pack, NO_SPACE); // started after the file system was found full: nothing more is written
        } else {
            load(pack, open);
        }
        for (Map.Entry<FileTask, FileChannel> e : open.entrySet()) {
            try {
                e.getValue().close();
            } catch (IOException ex) {
                FileTask f = e.getKey();
                f.error = writeFailure(f, ex);
            }
        }
        for (Wanted w : pack.values()) {
            for (Piece p : w.pieces) {
                if (p.file.pending.decrementAndGet() == 0) {
                    finish(p.file);
                }
            }
        }
    }

    /** Reads the pack's wanted blobs and writes each where it occurs, opening the files as needed. */
    private void load(Map<Id, Wanted> pack, Map<FileTask, FileChannel> open) {
        List<PackedBlob> blobs = new ArrayList<>(pack.size());
        for (Wanted w : pack.values()) {
            blobs.add(w.blob);
        }
        try {
            // each blob's MAC is checked; its SHA-256 is not computed again (as much CPU as decrypting it):
            // the MAC proves the bytes are what a holder of the key stored, and --verify rehashes the files
            repo.loadBlobs(blobs, false, new Repository.BlobReceiver() {
                @Override
                public void accept(PackedBlob b, byte[] plain) {
                    acceptLent(b, plain, 0, plain.length);
                }

                // written out before returning: the repository's array is only lent
                @Override
                public void acceptLent(PackedBlob b, byte[] plain, int off, int len) {
                    boolean hole = sparse && allZero(plain, off, len);
                    for (Piece p : pack.get(b.id()).pieces) {
                        if (p.file.error != null) {
                            continue;
                        }
                        if (full.get() != null) {
                            p.file.error = NO_SPACE;
                        } else if (!hole) {
                            write(p, plain, off, len, open);
                        }
                    }
                }

                @Override
                public void damaged(PackedBlob b, RepositoryException problem) {
                    for (Piece p : pack.get(b.id()).pieces) {
                        p.file.error = "cannot restore its data: " + problem.getMessage();
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            failAll(pack, "cannot read its data from pack " + blobs.get(0).pack().shortHex() + ": " + e.getMessage());
        }
    }

    /** Fails every file with a piece in {@code pack} that has not failed already. */
    private static void failAll(Map<Id, Wanted> pack, String error) {
        for (Wanted w : pack.values()) {
            for (Piece p : w.pieces) {
                if (p.file.error == null) {
                    p.file.error = error;
                }
            }
        }
    }

    private void write(Piece p, byte[] data, int off, int len, Map<FileTask, FileChannel> open) {
        FileTask f = p.file;
        try {
            FileChannel ch = open.get(f);
            if (ch == null) {
                ch = FileChannel.open(f.item.dest(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                open.put(f, ch);
            }
            ByteBuffer bb = ByteBuffer.wrap(data, off, len);
            long pos = p.offset;
            while (bb.hasRemaining()) {
                pos += ch.write(bb, pos);
            }
            f.dataEnd.accumulateAndGet(pos, Math::max);
        } catch (IOException | RuntimeException e) {
            f.error = writeFailure(f, e);
        }
    }

    /** The error of file {@code f} that {@code e} failed to write; a full file system stops all writing. */
    private String writeFailure(FileTask f, Exception e) {
        if (e instanceof IOException io && IoErrors.isNoSpace(io, f.item.dest().getParent())) {
            full.compareAndSet(null, IoErrors.reason(io));
            return NO_SPACE;
        }
        return "cannot write the file: " + e;
    }

    /**
     * Gives the file its full length (holes at the end, or no data at all) and hands it on; a file
     * the full file system left incomplete is removed.
     */
    private void finish(FileTask f) {
        if (f.error == null && (f.dataEnd.get() < f.size || f.size == 0)) {
            try (RandomAccessFile raf = new RandomAccessFile(f.item.dest().toFile(), "rw")) {
                raf.setLength(f.size);
            } catch (IOException | RuntimeException e) {
                f.error = writeFailure(f, e);
            }
        }
        if (NO_SPACE.equals(f.error)) {
            try {
                // this restore made it (an existing file in the way was removed first, or left alone)
                Files.deleteIfExists(f.item.dest());
            } catch (IOException | RuntimeException e) {
                f.error = NO_SPACE + "; what was written of it could not be removed: " + e.getMessage();
            }
        }
        finisher.finished(f.item, f.size, f.error);
    }

    /** Null if the file holds exactly the node's content, else what differs. */
    String verify(Path p, io.backbench.repository.api.Node n) throws IOException {
        MessageDigest sha = Id.sha256();
        byte[] buf = new byte[BUFFER];
        long offset = 0;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (Id id : n.content() == null ? List.<Id>of() : n.content()) {
                long left = lookup(id).plaintextLength();
                sha.reset();
                while (left > 0) {
                    int r = ch.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, left)), offset);
                    if (r < 0) {
                        return "the file ends at byte " + offset + " but the snapshot has more";
                    }
                    sha.update(buf, 0, r);
                    offset += r;
                    left -= r;
                }
                if (!Id.of(sha.digest()).equals(id)) {
                    return "the chunk at byte " + offset + " differs from blob " + id.shortHex();
                }
            }
            if (ch.size() != offset) {
                return "the file has " + ch.size() + " bytes, the snapshot " + offset;
            }
        }
        return null;
    }

    private static boolean allZero(byte[] data, int off, int len) {
        // eight bytes at a time: a full chunk of real data usually fails in the first word
        java.nio.LongBuffer words = ByteBuffer.wrap(data, off, len).slice().asLongBuffer();
        int i = 0;
        for (int n = words.remaining(); i < n; i++) {
            if (words.get(i) != 0) {
                return false;
            }
        }
        for (int b = off + i * 8, end = off + len; b < end; b++) {
            if (data[b] != 0) {
                return false;
            }
        }
        return true;
    }
}
