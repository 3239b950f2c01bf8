package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * Reads a repository's index files into a {@link MasterIndex}: up to four at a time (read, decrypted
 * and decoded in parallel), their blobs added in the order the files are listed, so a blob indexed
 * twice keeps the same location as when they are read one by one. With an {@link IndexCache}, a
 * file that has a copy there is taken from the copy, and one that has not gets one.
 */
final class IndexFiles {
    private static final int MAX_THREADS = 4;

    private final Store store;
    private final CryptoKey master;
    private final IndexCache cache;

    /** {@code cache}: copies of the index files on this machine, or null. */
    IndexFiles(Store store, CryptoKey master, IndexCache cache) {
        this.store = store;
        this.master = master;
        this.cache = cache;
    }

    /**
     * Reads them on a thread of its own, so that what a command does next (find its snapshot, take
     * the lock) overlaps the reading; the index's queries wait for it.
     */
    void readInBackground(MasterIndex into) {
        CompletableFuture<Void> load = new CompletableFuture<>();
        into.loadingIn(load);
        Thread t = new Thread(() -> {
            try {
                read(into);
                load.complete(null);
            } catch (Throwable e) {
                load.completeExceptionally(e);
            }
        }, "backbench-index-load");
        t.setDaemon(true);
        t.start();
    }

    /** Reads them now; if that fails, {@code into} is marked as failed (it would be incomplete). */
    void read(MasterIndex into) throws RepositoryException {
        try {
            readAll(into);
        } catch (RepositoryException e) {
            into.failed(e);
            throw e;
        }
    }

    private void readAll(MasterIndex into) throws RepositoryException {
        List<Id> ids = store.list(Store.INDEX);
        readAll(into, ids);
        if (cache != null) {
            cache.retain(ids);
        }
    }

    private void readAll(MasterIndex into, List<Id> ids) throws RepositoryException {
        int threads = Math.min(ids.size(), Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            for (Id id : ids) {
                readOne(id).forEach(into::add);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backbench-index-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<PackedBlob>>> files = new ArrayList<>(ids.size());
            for (Id id : ids) {
                files.add(pool.submit(() -> readOne(id)));
            }
            for (Future<List<PackedBlob>> f : files) {
                f.get().forEach(into::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while reading the index of " + store.describe(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RepositoryException r) {
                throw r;
            }
            throw new RepositoryException("cannot read the index of " + store.describe() + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown(); // no interrupts: a target may share one channel between threads
        }
    }

    private List<PackedBlob> readOne(Id id) throws RepositoryException {
        List<PackedBlob> copy = cache == null ? null : cache.read(id);
        if (copy != null) {
            return copy;
        }
        String name = Store.INDEX + "/" + id.hex();
        byte[] sealed = store.read(name); // a target's error is passed on as it is
        List<PackedBlob> blobs;
        try {
            byte[] json = store.openUnpacked(master, name, id, sealed);
            blobs = IndexCodec.decode(json, "index " + id.shortHex()).blobs();
        } catch (RepositoryException e) { // damaged
            throw new RepositoryException(e.getMessage() + "; 'backbench repo rebuild-index' writes a new index from the packs", e);
        }
        if (cache != null) {
            cache.write(id, blobs);
        }
        return blobs;
    }
}
