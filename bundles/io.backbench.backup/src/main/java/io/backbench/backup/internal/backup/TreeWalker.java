package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.scan.FsEntry;
import io.backbench.backup.internal.scan.Names;
import io.backbench.backup.internal.scan.PathFilter;
import io.backbench.backup.internal.scan.RawNames;
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;

/**
 * Walks folders on the calling thread (depth first; their listings shared with the progress scanner,
 * see {@link Listings}; the parent's trees loaded ahead, see {@link TreePrefetch}) and turns every
 * entry into a future node: files that changed go to the reader pool, unchanged files reuse the
 * parent snapshot's node without being opened, and a folder's tree is saved when all its children
 * are done (on whichever thread finishes the last one). A limited number of files may wait for a
 * reader, so the walk cannot run far ahead of the reading.
 */
final class TreeWalker implements AutoCloseable {
    private final Repository repo;
    private final PathFilter filter;
    private final FileOpener opener;
    private final Names names = new Names();
    private final ExecutorService readers;
    private final Semaphore fileSlots;
    private final FileChunker chunker;
    private final Counters counters;
    private final Warnings warnings;
    private final BooleanSupplier stop;
    private final boolean force;
    private final Listings listings;
    /** Made when the walk first meets a parent tree; used by the walking thread only. */
    private TreePrefetch prefetch;

    TreeWalker(Repository repo, PathFilter filter, FileOpener opener, ExecutorService readers, int maxQueuedFiles,
            FileChunker chunker, Counters counters, Warnings warnings, BooleanSupplier stop, boolean force, Listings listings) {
        this.listings = listings;
        this.repo = repo;
        this.filter = filter;
        this.opener = opener;
        this.readers = readers;
        this.fileSlots = new Semaphore(maxQueuedFiles);
        this.chunker = chunker;
        this.counters = counters;
        this.warnings = warnings;
        this.stop = stop;
        this.force = force;
    }

    /** The node for {@code e}, named {@code name}; {@code old} is the parent snapshot's node of that name, or null. */
    CompletableFuture<Node> entry(FsEntry e, String name, Node old, long rootDev) {
        checkStop();
        switch (e.type()) {
            case DIR:
                counters.dirs.incrementAndGet();
                return dir(e, name, old, rootDev);
            case FILE:
                return file(e, name, old);
            default:
                counters.others.incrementAndGet();
                return CompletableFuture.completedFuture(other(e, name));
        }
    }

    /** A folder leading to a source: its own metadata, but only the children given. */
    CompletableFuture<Node> folderOnTheWay(FsEntry e, String name, Node old, CompletableFuture<Id> subtree) {
        Node.Builder b = e.toNode(name, names).extendedAttributes(dirXattrs(e, old));
        return subtree.thenApply(id -> b.subtree(id).build());
    }

    /** The tree of a folder's content (kept entries only); {@code oldTree} is its tree in the parent, or null. */
    CompletableFuture<Id> contents(Path dir, Tree oldTree, long rootDev) {
        return contents(dir, oldTree, null, rootDev);
    }

    /** As above; {@code oldId} is the id of {@code oldTree} (null if unknown): an unchanged folder keeps it. */
    CompletableFuture<Id> contents(Path dir, Tree oldTree, Id oldId, long rootDev) {
        List<CompletableFuture<Node>> kids = new ArrayList<>();
        // Tree.find is a linear search: a folder of thousands of files would cost millions of compares
        Map<String, Node> oldNodes = new HashMap<>();
        if (oldTree != null) {
            List<Id> subtrees = new ArrayList<>();
            for (Node n : oldTree.nodes()) {
                oldNodes.put(n.name(), n);
                if (n.type() == NodeType.DIR && n.subtree() != null) {
                    subtrees.add(n.subtree());
                }
            }
            if (!subtrees.isEmpty()) {
                prefetch().ahead(subtrees);
            }
        }
        Listings.Listing listing = listings.forWalk(dir);
        for (Listings.Child child : listing.children()) {
            checkStop();
            if (child.error() != null) {
                warnings.add(child.path(), "cannot read its metadata: " + child.error().getMessage());
            } else if (filter.keep(child.entry(), rootDev)) {
                String name = RawNames.name(child.path());
                if (name == null) {
                    warnings.add(child.path(), "not backed up: its name is not valid UTF-8 and " + RawNames.unavailableReason());
                } else {
                    kids.add(entry(child.entry(), name, oldNodes.get(name), rootDev));
                }
            }
        }
        if (listing.error() != null) {
            warnings.add(dir, "cannot list the folder: " + listing.error());
        }
        return saveTree(kids, oldTree, oldId);
    }

    CompletableFuture<Id> saveTree(List<CompletableFuture<Node>> kids) {
        return saveTree(kids, null, null);
    }

    private CompletableFuture<Id> saveTree(List<CompletableFuture<Node>> kids, Tree oldTree, Id oldId) {
        return CompletableFuture.allOf(kids.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Node> nodes = kids.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
            try {
                Tree tree = new Tree(nodes);
                // a folder whose every entry is as before is the parent's tree: no need to encode,
                // hash and look it up again (most folders, after a small change)
                if (oldId != null && !force && tree.nodes().equals(oldTree.nodes()) && repo.hasBlob(BlobType.TREE, oldId)) {
                    return oldId;
                }
                return repo.saveTree(tree);
            } catch (RepositoryException ex) {
                throw new CompletionException(ex);
            }
        });
    }

    Tree oldTree(Node old) {
        if (old == null || old.type() != NodeType.DIR || old.subtree() == null) {
            return null;
        }
        try {
            return prefetch == null ? repo.loadTree(old.subtree()) : prefetch.take(old.subtree());
        } catch (RepositoryException ex) {
            // a damaged parent only costs reading everything below this folder again
            return null;
        }
    }

    private CompletableFuture<Node> dir(FsEntry e, String name, Node old, long rootDev) {
        Node.Builder b = e.toNode(name, names).extendedAttributes(dirXattrs(e, old));
        if (!filter.descend(e, rootDev)) {
            return saveTree(List.of()).thenApply(id -> b.subtree(id).build());
        }
        Tree before = oldTree(old);
        return contents(e.path(), before, before == null ? null : old.subtree(), rootDev).thenApply(id -> b.subtree(id).build());
    }

    private List<ExtendedAttribute> dirXattrs(FsEntry e, Node old) {
        if (!force && old != null && old.type() == NodeType.DIR && e.ctime().equals(old.ctime()) && e.inode() == old.inode()) {
            return old.extendedAttributes(); // setting an attribute changes ctime
        }
        return xattrs(e.path());
    }

    private CompletableFuture<Node> file(FsEntry e, String name, Node old) {
        if (!force && unchanged(e, old)) {
            counters.filesUnchanged.incrementAndGet();
            counters.bytesDone.addAndGet(e.size());
            return CompletableFuture.completedFuture(e.toNode(name, names).content(old.content())
                    .extendedAttributes(old.extendedAttributes()).build());
        }
        try {
            fileSlots.acquire();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        CompletableFuture<Node> result = new CompletableFuture<>();
        try {
            readers.execute(() -> read(e, name, old, result));
        } catch (RuntimeException ex) {
            fileSlots.release();
            throw ex;
        }
        return result;
    }

    // on a reader thread
    private void read(FsEntry e, String name, Node old, CompletableFuture<Node> result) {
        FileChunker.Chunks chunks;
        List<ExtendedAttribute> xattrs;
        try {
            counters.current.set(e.path().toString());
            xattrs = xattrs(e.path());
            chunks = chunker.read(e.path());
        } catch (IOException ex) {
            warnings.add(e.path(), "cannot read the file: " + ex);
            result.complete(null);
            return;
        } catch (Throwable t) {
            result.completeExceptionally(t);
            return;
        } finally {
            fileSlots.release();
        }
        (old == null ? counters.filesNew : counters.filesChanged).incrementAndGet();
        Node.Builder b = e.toNode(name, names).size(chunks.length()).extendedAttributes(xattrs);
        CompletableFuture.allOf(chunks.ids().toArray(CompletableFuture[]::new)).whenComplete((v, t) -> {
            if (t != null) {
                result.completeExceptionally(t);
            } else {
                result.complete(b.content(chunks.ids().stream().map(CompletableFuture::join).toList()).build());
            }
        });
    }

    private boolean unchanged(FsEntry e, Node old) {
        if (old == null || old.type() != NodeType.FILE || old.content() == null || old.size() != e.size()
                || old.inode() != e.inode() || !e.mtime().equals(old.mtime()) || !e.ctime().equals(old.ctime())) {
            return false;
        }
        for (Id id : old.content()) {
            if (!repo.hasBlob(io.backbench.repository.api.BlobType.DATA, id)) {
                return false; // pruned since: read the file again
            }
        }
        return true;
    }

    private Node other(FsEntry e, String name) {
        Node.Builder b = e.toNode(name, names);
        if (e.type() == NodeType.SYMLINK) {
            try {
                b.linkTarget(Files.readSymbolicLink(e.path()).toString());
            } catch (IOException ex) {
                warnings.add(e.path(), "cannot read the symlink: " + ex);
                return null;
            }
        }
        return b.build();
    }

    private List<ExtendedAttribute> xattrs(Path p) {
        try {
            return opener.xattrs(p);
        } catch (NoSuchFileException gone) {
            return List.of();
        } catch (IOException | UnsupportedOperationException ex) {
            warnings.add(p, "cannot read its extended attributes: " + ex.getMessage());
            return List.of();
        }
    }

    private TreePrefetch prefetch() {
        if (prefetch == null) {
            prefetch = new TreePrefetch(repo, "backbench-backup-trees");
        }
        return prefetch;
    }

    /** Ends the tree loader, if one was started. */
    @Override
    public void close() {
        if (prefetch != null) {
            prefetch.close();
        }
    }

    private void checkStop() {
        if (stop.getAsBoolean()) {
            throw new CancellationException("backup stopped");
        }
    }
}
