package io.backbench.repository.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * Gathers encrypted blobs into packs (data and trees apart), uploads a pack when it reaches the pack
 * size, and on {@link #flush} uploads the rest and writes index files for every uploaded pack.
 * Thread-safe: adding is serialised on a short lock. A full pack is handed to an uploader thread
 * (at most {@link #UPLOADS_IN_FLIGHT} at once, so at most that many full packs wait in memory), so the
 * thread whose blob filled it goes on hashing and compressing instead of waiting for the target (a
 * disk target's fsync of 16 MiB took up to seconds on a busy disk while the other core idled). An
 * upload's failure is thrown by the next add or flush; flush waits for every upload first.
 */
final class PackWriter {
    /** restic keeps index files small; it starts a new one at this many blobs. */
    static final int MAX_BLOBS_PER_INDEX = 50_000;
    /** Full packs being uploaded at once; a thread filling one more waits. Two keep a network target busy. */
    static final int UPLOADS_IN_FLIGHT = 2;

    private final Store store;
    private final CryptoKey key;
    private final int version;
    private final int packSize;
    private final MasterIndex index;
    private final Object lock = new Object();
    private Packer data;
    private Packer trees;
    // uploaded packs not yet listed in an index file; guarded by itself
    private final List<IndexCodec.PackEntries> unindexed = new ArrayList<>();
    private final Semaphore inFlight = new Semaphore(UPLOADS_IN_FLIGHT);
    private final AtomicReference<Exception> uploadFailure = new AtomicReference<>();
    private final Object uploadsLock = new Object();
    private int uploading; // guarded by uploadsLock
    private ThreadPoolExecutor uploader; // made on the first full pack; guarded by uploadsLock
    /**
     * Data pack arrays back from their upload, for the next packs: a backup fills a 16 MiB pack per
     * 16 MiB stored, and a new array for each (zeroed, grown by copying, copied again by the
     * collector while it waited for its upload) cost as much as the encryption. Guarded by itself.
     */
    private final ArrayDeque<byte[]> freeBuffers = new ArrayDeque<>();

    /** What to do after a background upload: the repository may write an index file for the finished packs. */
    interface AfterUpload {
        void run() throws RepositoryException;
    }

    private final AfterUpload afterUpload;
    /** Where the index files written are copied, or null. */
    private final IndexCache cache;

    PackWriter(Store store, CryptoKey key, int version, int packSize, MasterIndex index) {
        this(store, key, version, packSize, index, () -> { }, null);
    }

    PackWriter(Store store, CryptoKey key, int version, int packSize, MasterIndex index, AfterUpload afterUpload,
            IndexCache cache) {
        this.store = store;
        this.key = key;
        this.version = version;
        this.packSize = packSize;
        this.index = index;
        this.afterUpload = afterUpload;
        this.cache = cache;
    }

    /**
     * Adds a claimed, encrypted blob, {@code encrypted[0..length)} (copied: the caller may reuse the
     * array). On an upload failure the blobs of that pack are unclaimed.
     */
    void add(BlobType type, Id id, byte[] encrypted, int length, int uncompressedLength) throws RepositoryException {
        Packer full = null;
        synchronized (lock) {
            Packer p = type == BlobType.DATA ? data : trees;
            if (p == null) {
                // tree packs stay small in most backups: their array grows from 1 MiB as needed
                p = new Packer(type == BlobType.DATA ? dataBuffer() : new byte[Math.min(packSize, Math.max(length * 2, 1 << 20))]);
                if (type == BlobType.DATA) {
                    data = p;
                } else {
                    trees = p;
                }
            }
            p.add(type, id, encrypted, length, uncompressedLength);
            if (p.size() >= packSize) {
                full = p;
                if (type == BlobType.DATA) {
                    data = null;
                } else {
                    trees = null;
                }
            }
        }
        if (full != null) {
            uploadLater(full);
        }
    }

    /**
     * Hands a full pack to the uploader (waiting while {@link #UPLOADS_IN_FLIGHT} are under way), then
     * throws an earlier upload's failure, if any (after the hand-over: the pack holds claimed blobs).
     */
    private void uploadLater(Packer p) throws RepositoryException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            upload(p); // no waiting while interrupted: upload it here
            return;
        }
        synchronized (uploadsLock) {
            uploading++;
            if (uploader == null) {
                uploader = new ThreadPoolExecutor(UPLOADS_IN_FLIGHT, UPLOADS_IN_FLIGHT, 2, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(), r -> {
                            Thread t = new Thread(r, "backbench-pack-upload");
                            t.setDaemon(true);
                            return t;
                        });
                uploader.allowCoreThreadTimeOut(true); // no thread stays behind an idle repository
            }
            uploader.execute(() -> {
                try {
                    upload(p);
                    // (on this thread too: a writer that stops adding, or dies, must not leave the
                    // last finished packs unindexed until its flush)
                    afterUpload.run();
                } catch (RepositoryException | RuntimeException e) {
                    uploadFailure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                    synchronized (uploadsLock) {
                        uploading--;
                        uploadsLock.notifyAll();
                    }
                }
            });
        }
        rethrowUploadFailure();
    }

    /** Waits until no pack is being uploaded, then throws the first upload failure since the last one thrown. */
    private void awaitUploads() throws RepositoryException {
        boolean interrupted = false;
        synchronized (uploadsLock) {
            while (uploading > 0) {
                try {
                    uploadsLock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the packs must be uploaded before an index names them: wait on
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrowUploadFailure();
    }

    private void rethrowUploadFailure() throws RepositoryException {
        Exception e = uploadFailure.getAndSet(null);
        if (e instanceof RepositoryException r) {
            throw r;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    /** Uploads open packs, then writes index files; returns the ids of the index files written. */
    List<Id> flush() throws RepositoryException {
        uploadOpenPacks();
        return writeIndex();
    }

    /** Uploads open packs and hands over every uploaded pack not yet indexed; writes no index file. */
    List<IndexCodec.PackEntries> flushPacks() throws RepositoryException {
        uploadOpenPacks();
        synchronized (unindexed) {
            List<IndexCodec.PackEntries> out = new ArrayList<>(unindexed);
            unindexed.clear();
            return out;
        }
    }

    /** Uploads the packs being filled, on this thread, and waits for the uploads under way. */
    private void uploadOpenPacks() throws RepositoryException {
        Packer d;
        Packer t;
        synchronized (lock) {
            d = data;
            t = trees;
            data = null;
            trees = null;
        }
        if (d != null) {
            upload(d);
        }
        if (t != null) {
            upload(t);
        }
        awaitUploads();
    }

    private void upload(Packer p) throws RepositoryException {
        byte[] bytes = p.finish(key);
        int len = p.size();
        Id packId = Id.hash(bytes, 0, len);
        try {
            store.write(Store.packKey(packId), bytes, len);
        } catch (RepositoryException e) {
            for (Packer.Entry e2 : p.entries()) {
                index.unclaim(e2.type(), e2.id());
            }
            throw e;
        } finally {
            // the target has read the bytes (StorageTarget#put does not keep the stream)
            releaseDataBuffer(bytes);
        }
        List<PackedBlob> blobs = new ArrayList<>(p.count());
        for (Packer.Entry e : p.entries()) {
            PackedBlob b = new PackedBlob(e.id(), e.type(), packId, e.offset(), e.length(), e.uncompressedLength());
            blobs.add(b);
            index.commit(b);
        }
        synchronized (unindexed) {
            unindexed.add(new IndexCodec.PackEntries(packId, blobs));
        }
    }

    /**
     * The array for a new data pack: room for a pack that ends with one largest chunk, stored
     * uncompressed, so that it never grows.
     */
    private byte[] dataBuffer() {
        synchronized (freeBuffers) {
            byte[] b = freeBuffers.poll();
            if (b != null) {
                return b;
            }
        }
        return new byte[dataBufferSize()];
    }

    private int dataBufferSize() {
        return packSize + Chunker.MAX_SIZE + CryptoKey.OVERHEAD + (64 << 10);
    }

    private void releaseDataBuffer(byte[] b) {
        if (b.length != dataBufferSize()) {
            return; // a tree pack's, or one that grew
        }
        synchronized (freeBuffers) {
            // the packs being filled (data and trees), uploaded, and waiting for an upload slot
            if (freeBuffers.size() < UPLOADS_IN_FLIGHT + 2) {
                freeBuffers.push(b);
            }
        }
    }

    /** How many uploaded packs no index file lists yet. */
    int unindexedPacks() {
        synchronized (unindexed) {
            return unindexed.size();
        }
    }

    /** Writes index files for the packs uploaded so far; open packs stay open. Returns the index files written. */
    List<Id> writeIndex() throws RepositoryException {
        List<IndexCodec.PackEntries> packs;
        synchronized (unindexed) {
            packs = new ArrayList<>(unindexed);
            unindexed.clear();
        }
        List<Id> written = new ArrayList<>();
        try {
            List<IndexCodec.PackEntries> batch = new ArrayList<>();
            int blobs = 0;
            for (IndexCodec.PackEntries p : packs) {
                if (blobs > 0 && blobs + p.blobs().size() > MAX_BLOBS_PER_INDEX) {
                    written.add(saveIndexFile(batch));
                    batch.clear();
                    blobs = 0;
                }
                batch.add(p);
                blobs += p.blobs().size();
            }
            if (!batch.isEmpty()) {
                written.add(saveIndexFile(batch));
            }
        } catch (RepositoryException e) {
            // keep them for the next flush; an index listing a pack twice is harmless
            synchronized (unindexed) {
                unindexed.addAll(0, packs);
            }
            throw e;
        }
        return written;
    }

    private Id saveIndexFile(List<IndexCodec.PackEntries> batch) throws RepositoryException {
        Id id = store.saveUnpacked(key, version, Store.INDEX, IndexCodec.encode(batch, List.of()));
        if (cache != null) {
            List<PackedBlob> blobs = new ArrayList<>();
            batch.forEach(p -> blobs.addAll(p.blobs()));
            cache.write(id, blobs);
        }
        return id;
    }
}
