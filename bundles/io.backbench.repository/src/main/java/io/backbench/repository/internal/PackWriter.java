package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.List;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * Gathers encrypted blobs into packs (data and trees apart), uploads a pack when it reaches the pack
 * size, and on {@link #flush} uploads the rest and writes index files for every uploaded pack.
 * Thread-safe: adding is serialised on a short lock; finishing and uploading a full pack happen on
 * the thread whose blob filled it, outside that lock.
 */
final class PackWriter {
    /** restic keeps index files small; it starts a new one at this many blobs. */
    static final int MAX_BLOBS_PER_INDEX = 50_000;

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

    PackWriter(Store store, CryptoKey key, int version, int packSize, MasterIndex index) {
        this.store = store;
        this.key = key;
        this.version = version;
        this.packSize = packSize;
        this.index = index;
    }

    /** Adds a claimed, encrypted blob. On an upload failure the blobs of that pack are unclaimed. */
    void add(BlobType type, Id id, byte[] encrypted, int uncompressedLength) throws RepositoryException {
        Packer full = null;
        synchronized (lock) {
            Packer p = type == BlobType.DATA ? data : trees;
            if (p == null) {
                p = new Packer(Math.min(packSize + (packSize >> 3), Math.max(encrypted.length * 2, 1 << 20)));
                if (type == BlobType.DATA) {
                    data = p;
                } else {
                    trees = p;
                }
            }
            p.add(type, id, encrypted, uncompressedLength);
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
            upload(full);
        }
    }

    /** Uploads open packs, then writes index files; returns the ids of the index files written. */
    List<Id> flush() throws RepositoryException {
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
        return writeIndex();
    }

    /** Uploads open packs and hands over every uploaded pack not yet indexed; writes no index file. */
    List<IndexCodec.PackEntries> flushPacks() throws RepositoryException {
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
        synchronized (unindexed) {
            List<IndexCodec.PackEntries> out = new ArrayList<>(unindexed);
            unindexed.clear();
            return out;
        }
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
                    written.add(store.saveUnpacked(key, version, Store.INDEX, IndexCodec.encode(batch, List.of())));
                    batch.clear();
                    blobs = 0;
                }
                batch.add(p);
                blobs += p.blobs().size();
            }
            if (!batch.isEmpty()) {
                written.add(store.saveUnpacked(key, version, Store.INDEX, IndexCodec.encode(batch, List.of())));
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
}
