package io.backbench.repository.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;

/**
 * The tree blobs of a pack read in one piece and kept, so that a walk over many trees (a restore's
 * plan, a listing, a prune) makes one read per pack instead of one per tree. A restore of the bench
 * corpus loads its 4 090 trees from one 4.6 MB pack; read a tree at a time in the walk's order (the
 * reverse of the order they were written in, which the kernel's read-ahead does not follow) they
 * cost 0.25 s more of a cold restore's plan than with the pack already read, and an open, a read
 * and a close each (on an object store, a request each).
 *
 * <p>The first tree wanted from a pack is read on its own (a command that needs one tree, such as
 * {@code ls} of one folder, reads no more); from the second on, the whole span of the pack's indexed
 * trees is read once and served from memory. At most {@link #BUDGET} bytes are kept, the least
 * recently used span dropped first; a span larger than half of it is never kept. Packs are named by
 * their content's hash, so a kept span never goes stale. With {@link TreeCopies}, each span read from
 * the repository is also kept on this machine, and a later process reads it from there, its first
 * tree too. Thread-safe: concurrent wants of one pack wait for a single read.
 */
final class TreePacks {
    static final long BUDGET = 64L << 20;

    /** A blob's sealed bytes: {@code bytes[offset..offset+length)} of a kept span. */
    record Slice(byte[] bytes, int offset) {
    }

    private record Span(long start, byte[] bytes) {
    }

    private final Store store;
    private final MasterIndex index;
    private final Map<Id, Boolean> seen = new ConcurrentHashMap<>();
    // access order: the eldest is the least recently used
    private final LinkedHashMap<Id, CompletableFuture<Span>> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;
    private volatile TreeCopies copies;
    private final AtomicBoolean retained = new AtomicBoolean();

    /** @param copies the spans kept on this machine, or null for none */
    TreePacks(Store store, MasterIndex index, TreeCopies copies) {
        this.store = store;
        this.index = index;
        this.copies = copies;
    }

    /**
     * From now on, reads spans from the repository only, never from the copies on this machine, and
     * forgets the spans kept so far (some may have come from there): for {@code check}.
     */
    void fromRepositoryOnly() {
        synchronized (kept) {
            copies = null;
            kept.clear();
            keptBytes = 0;
            seen.clear();
        }
    }

    /**
     * The sealed bytes of tree blob {@code b} from its pack's kept span, read now if this is the
     * pack's second tree; null when the caller should read the blob on its own (the pack's first
     * tree, a span too large to keep, or a span that could not be read: the blob's own read then
     * reports what is wrong, as it would without this class).
     */
    Slice slice(PackedBlob b) {
        long[] span = index.treeSpan(b.pack());
        if (span == null || b.offset() < span[0] || b.offset() + b.length() > span[1]
                || span[1] - span[0] > BUDGET / 2) {
            return null;
        }
        TreeCopies local = copies;
        if (local != null && retained.compareAndSet(false, true)) {
            local.retain(index.treePacks()); // the index is complete once a blob is looked up
        }
        CompletableFuture<Span> read;
        boolean mine = false;
        synchronized (kept) {
            read = kept.get(b.pack());
            if (read == null) {
                if (seen.putIfAbsent(b.pack(), Boolean.TRUE) == null && (local == null || !local.has(b.pack()))) {
                    return null; // the pack's first tree, and no copy of its span here
                }
                read = new CompletableFuture<>();
                kept.put(b.pack(), read);
                mine = true;
            }
        }
        if (mine) {
            try {
                int length = (int) (span[1] - span[0]);
                byte[] bytes = local == null ? null : local.read(b.pack(), span[0], length);
                if (bytes == null) {
                    bytes = store.read(Store.packKey(b.pack()), span[0], length);
                    if (local != null) {
                        local.write(b.pack(), span[0], bytes);
                    }
                }
                read.complete(new Span(span[0], bytes));
                keep(length);
            } catch (RuntimeException | io.backbench.repository.api.RepositoryException e) {
                synchronized (kept) {
                    kept.remove(b.pack(), read);
                }
                read.complete(null);
            }
        }
        Span s;
        try {
            s = read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
        return s == null ? null : new Slice(s.bytes(), (int) (b.offset() - s.start()));
    }

    /** Counts a span read in, and drops the least recently used ones beyond the budget. */
    private void keep(long length) {
        synchronized (kept) {
            keptBytes += length;
            Iterator<CompletableFuture<Span>> it = kept.values().iterator();
            while (keptBytes > BUDGET && it.hasNext()) {
                CompletableFuture<Span> f = it.next();
                Span s = f.getNow(null);
                if (s != null) {
                    it.remove();
                    keptBytes -= s.bytes().length;
                }
            }
        }
    }
}
