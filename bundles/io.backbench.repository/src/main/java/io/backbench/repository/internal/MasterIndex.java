package io.backbench.repository.internal;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.backbench.repository.api.BlobIndex;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * All blobs the repository knows, by type and id, plus the blobs this session is writing but has not
 * indexed yet ("pending"), so that two threads saving the same blob store it once. Thread-safe.
 *
 * <p>The index files may be read in the background ({@link #loadingIn}): until they are, every query
 * waits, and if reading them failed, every query fails (with {@link #ready()}'s exception, or that
 * exception in an {@link UncheckedIOException} where the method declares none). An index without
 * all of its files would take stored blobs for new ones, or fail to find them.
 */
final class MasterIndex implements BlobIndex {
    private final Map<Id, PackedBlob> data = new ConcurrentHashMap<>();
    private final Map<Id, PackedBlob> trees = new ConcurrentHashMap<>();
    private final Set<Id> pendingData = ConcurrentHashMap.newKeySet();
    private final Set<Id> pendingTrees = ConcurrentHashMap.newKeySet();
    /** Per pack, the bytes its indexed tree blobs span: {first offset, end}. */
    private final Map<Id, long[]> treeSpans = new ConcurrentHashMap<>();
    /** The reading of the index files, while it runs or once it failed; null when there is none to wait for. */
    private volatile CompletableFuture<?> loading;

    /** From now on, queries wait for {@code load} (which fills this index with {@link #add}). */
    void loadingIn(CompletableFuture<?> load) {
        loading = load;
        load.thenRun(() -> {
            if (loading == load) {
                loading = null;
            }
        });
    }

    /** Reading the index files failed with {@code e}: from now on every query fails with it. */
    void failed(RepositoryException e) {
        loading = CompletableFuture.failedFuture(e);
    }

    /** Waits until the index files are read; throws what reading them threw. */
    void ready() throws RepositoryException {
        CompletableFuture<?> load = loading;
        if (load == null) {
            return;
        }
        Throwable failure = outcome(load);
        if (failure instanceof RepositoryException r) {
            throw new RepositoryException(r.getMessage(), r);
        }
        if (failure != null) {
            throw new RepositoryException("cannot read the index: " + failure, failure);
        }
    }

    /**
     * Waits until a background reading has ended, whether it failed or not, and forgets it: for a
     * caller that clears this index and reads the files again (an index rebuild).
     */
    void settle() throws RepositoryException {
        CompletableFuture<?> load = loading;
        if (load != null) {
            outcome(load); // replaced by what the caller reads next
            loading = null;
        }
    }

    /** Waits for {@code load}; returns why it failed, or null. */
    private static Throwable outcome(CompletableFuture<?> load) throws RepositoryException {
        try {
            load.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while reading the index", e);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private void readyOrThrow() {
        if (loading != null) {
            try {
                ready();
            } catch (RepositoryException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    void add(PackedBlob b) {
        if (map(b.type()).putIfAbsent(b.id(), b) == null && b.type() == BlobType.TREE) {
            long end = b.offset() + b.length();
            treeSpans.merge(b.pack(), new long[] {b.offset(), end},
                    (had, now) -> new long[] {Math.min(had[0], now[0]), Math.max(had[1], now[1])});
        }
    }

    /** The bytes of {@code pack} from its first indexed tree blob to the end of its last, or null if it has none. */
    /** The packs that hold tree blobs. */
    java.util.Set<Id> treePacks() {
        return java.util.Set.copyOf(treeSpans.keySet());
    }

    long[] treeSpan(Id pack) {
        return treeSpans.get(pack);
    }

    /** Claims a blob for saving: false if it is indexed or another caller claimed it already. */
    boolean claim(BlobType type, Id id) {
        readyOrThrow();
        if (map(type).containsKey(id)) {
            return false;
        }
        return pending(type).add(id);
    }

    /** Gives up a claim (the save failed), so a later call may try again. */
    void unclaim(BlobType type, Id id) {
        pending(type).remove(id);
    }

    /** Makes a claimed blob part of the index (its pack is uploaded). */
    void commit(PackedBlob b) {
        add(b);
        pending(b.type()).remove(b.id());
    }

    boolean has(BlobType type, Id id) {
        readyOrThrow();
        return map(type).containsKey(id) || pending(type).contains(id);
    }

    void clear() {
        data.clear();
        trees.clear();
        treeSpans.clear();
    }

    @Override
    public Optional<PackedBlob> lookup(BlobType type, Id id) {
        readyOrThrow();
        return Optional.ofNullable(map(type).get(id));
    }

    @Override
    public int size() {
        readyOrThrow();
        return data.size() + trees.size();
    }

    @Override
    public void forEach(Consumer<PackedBlob> action) {
        readyOrThrow();
        data.values().forEach(action);
        trees.values().forEach(action);
    }

    private Map<Id, PackedBlob> map(BlobType t) {
        return t == BlobType.DATA ? data : trees;
    }

    private Set<Id> pending(BlobType t) {
        return t == BlobType.DATA ? pendingData : pendingTrees;
    }
}
