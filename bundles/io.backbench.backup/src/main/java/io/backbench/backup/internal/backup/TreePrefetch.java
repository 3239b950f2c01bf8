package io.backbench.backup.internal.backup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;

/**
 * Loads a snapshot's trees a step ahead of a walk, on a thread of its own: after a small change,
 * decrypting and decoding the parent's trees was a quarter of the backup's walking thread's time,
 * and a restore's plan loads every tree before it writes anything.
 * When the walk enters a folder it names the subtrees of that folder's subfolders ({@link #ahead});
 * the loader takes the most recently named first (the walk goes depth first, into the first child
 * next). {@link #take} returns a loaded tree, waits for one being loaded, or loads it on the calling
 * thread if the loader has not come to it. Trees the walk never takes (folders deleted since) are
 * kept until {@link #close}.
 */
public final class TreePrefetch implements AutoCloseable {
    private record Load(Id id, CompletableFuture<Tree> tree) {
    }

    private final Repository repo;
    private final ConcurrentHashMap<Id, Load> loads = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<Load> queue = new LinkedBlockingDeque<>();
    private final Thread loader;
    private volatile boolean closed;

    /** @param name the loader thread's name */
    public TreePrefetch(Repository repo, String name) {
        this.repo = repo;
        this.loader = new Thread(this::run, name);
        loader.setDaemon(true);
        loader.start();
    }

    /** On the walking thread: these subtrees will be wanted soon, the first one first. */
    public void ahead(List<Id> subtrees) {
        for (int i = subtrees.size() - 1; i >= 0; i--) {
            Id id = subtrees.get(i);
            Load l = new Load(id, new CompletableFuture<>());
            if (loads.putIfAbsent(id, l) == null) {
                queue.offerFirst(l);
            }
        }
    }

    /** On the walking thread: the tree {@code id}. */
    public Tree take(Id id) throws RepositoryException {
        Load l = loads.remove(id);
        if (l == null || queue.remove(l)) {
            return repo.loadTree(id); // not named, or the loader has not started on it
        }
        try {
            return l.tree().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RepositoryException r) {
                throw r;
            }
            throw e;
        }
    }

    // on the loader thread
    private void run() {
        while (!closed) {
            Load l;
            try {
                l = queue.pollFirst(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (l == null) {
                continue;
            }
            try {
                l.tree().complete(repo.loadTree(l.id()));
            } catch (RepositoryException | RuntimeException e) {
                l.tree().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true; // the loader ends within its poll's timeout (an interrupt could close a target's channel)
        loads.clear();
        queue.clear();
    }
}
