package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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
import io.backbench.repository.api.TreeBytes;

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
    /** Files handed to the readers and not read yet: the walk waits at the limit until half are done. */
    private final Gate fileSlots;
    private final FileChunker chunker;
    private final Counters counters;
    private final Warnings warnings;
    private final BooleanSupplier stop;
    private final boolean force;
    private final Listings listings;
    /** Made when the walk first meets a parent tree; used by the walking thread only. */
    private TreePrefetch prefetch;
    /** The nodes the last backup stored, or null: then folders are compared with the parent's trees. */
    private final FolderCache folders;

    TreeWalker(Repository repo, PathFilter filter, FileOpener opener, ExecutorService readers, int maxQueuedFiles,
            FileChunker chunker, Counters counters, Warnings warnings, BooleanSupplier stop, boolean force, Listings listings,
            FolderCache folders) {
        this.listings = listings;
        this.folders = folders;
        this.repo = repo;
        this.filter = filter;
        this.opener = opener;
        this.readers = readers;
        this.fileSlots = new Gate(maxQueuedFiles, maxQueuedFiles / 2);
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
    CompletableFuture<Id> contents(FsEntry dir, Tree oldTree, long rootDev) {
        if (folders != null) {
            return folder(dir, () -> oldTree, rootDev);
        }
        return contents(dir.path(), oldTree, null, rootDev);
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
        if (folders != null) {
            return folder(e, () -> oldTree(old), rootDev).thenApply(id -> b.subtree(id).build());
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
        return file(e, name, old, old != null);
    }

    /** {@code existed}: the parent snapshot has a file of that name (for the counts: changed or new). */
    private CompletableFuture<Node> file(FsEntry e, String name, Node old, boolean existed) {
        if (!force && unchanged(e, old)) {
            counters.filesUnchanged.incrementAndGet();
            counters.bytesDone.addAndGet(e.size());
            return CompletableFuture.completedFuture(e.toNode(name, names).content(old.content())
                    .extendedAttributes(old.extendedAttributes()).build());
        }
        try {
            fileSlots.take(1);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        CompletableFuture<Node> result = new CompletableFuture<>();
        try {
            readers.execute(() -> read(e, name, existed, result));
        } catch (RuntimeException ex) {
            fileSlots.give(1);
            throw ex;
        }
        return result;
    }

    // on a reader thread
    private void read(FsEntry e, String name, boolean existed, CompletableFuture<Node> result) {
        FileChunker.Chunks chunks;
        try {
            counters.current.set(e.path().toString());
            chunks = chunker.read(e.path(), e.size(), this::xattrs);
        } catch (IOException ex) {
            warnings.add(e.path(), "cannot read the file: " + ex);
            result.complete(null);
            return;
        } catch (Throwable t) {
            result.completeExceptionally(t);
            return;
        } finally {
            fileSlots.give(1);
        }
        (existed ? counters.filesChanged : counters.filesNew).incrementAndGet();
        Node.Builder b = e.toNode(name, names).size(chunks.length()).extendedAttributes(chunks.xattrs());
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

    // ---- with the folder cache (see FolderCache)

    /**
     * A folder's tree with the folder cache. An entry whose {@code lstat} fingerprints as in the last
     * backup keeps the node that backup stored (a folder's only changes if its subtree did): when
     * that holds for every entry, the folder keeps its tree without loading it; otherwise the tree is
     * made again from the old tree's bytes for those entries and new nodes for the others. Those are
     * backed up as without the cache, against their old nodes. {@code oldTree} gives the folder's tree
     * in the parent snapshot; it is loaded only if the cache has no record of the folder.
     */
    private CompletableFuture<Id> folder(FsEntry dir, Supplier<Tree> oldTree, long rootDev) {
        Listings.Listing listing = listings.forWalk(dir.path());
        String key = dir.path().toString();
        FolderCache.Folder was = force ? null : folders.before(key);
        OldTreeBytes oldBytes = was == null ? null : new OldTreeBytes(repo, was.tree(), dir.path());
        Map<String, Node> oldNodes = null;
        if (was == null && !force) {
            Tree t = oldTree.get();
            if (t != null) {
                oldNodes = new HashMap<>();
                for (Node n : t.nodes()) {
                    oldNodes.put(n.name(), n);
                }
            }
        }
        List<Item> items = new ArrayList<>();
        boolean complete = listing.error() == null;
        for (Listings.Child child : listing.children()) {
            checkStop();
            if (child.error() != null) {
                warnings.add(child.path(), "cannot read its metadata: " + child.error().getMessage());
                complete = false;
                continue;
            }
            FsEntry e = child.entry();
            if (!filter.keep(e, rootDev)) {
                continue;
            }
            String name = RawNames.name(child.path());
            if (name == null) {
                warnings.add(child.path(), "not backed up: its name is not valid UTF-8 and " + RawNames.unavailableReason());
                complete = false;
                continue;
            }
            boolean descend = e.type() == NodeType.DIR && filter.descend(e, rootDev);
            byte[] fp = FolderCache.fingerprint(e, descend);
            FolderCache.Entry cached = was == null ? null : was.entries().get(name);
            byte[] content = FolderCache.contentFingerprint(e);
            CompletableFuture<Node> node;
            if (cached != null && Arrays.equals(fp, cached.fingerprint())) {
                items.add(sameEntry(e, name, cached, oldBytes, descend, rootDev));
                continue;
            } else if (cached != null && !Arrays.equals(content, cached.content())) {
                node = changedEntry(e, name, cached, oldBytes, descend, rootDev);
            } else {
                // new, or only its metadata changed (its old node gives a file's content)
                Node old = cached != null ? oldBytes.node(cached) : oldNodes == null ? null : oldNodes.get(name);
                node = entry(e, name, old, rootDev);
            }
            items.add(new Item(name, node.thenApply(n -> n == null ? null
                    : new Part(fp, content, null, TreeBytes.node(n), n.type() == NodeType.DIR ? n.subtree() : null))));
        }
        if (listing.error() != null) {
            warnings.add(dir.path(), "cannot list the folder: " + listing.error());
        }
        boolean allListed = complete;
        return CompletableFuture.allOf(items.stream().map(Item::part).toArray(CompletableFuture[]::new)).thenCompose(v -> {
            if (allListed && was != null && items.size() == was.entries().size()
                    && items.stream().allMatch(it -> it.part.join() != null && it.part.join().bytes == null)) {
                folders.record(key, was); // every entry as before: the same tree, not even loaded
                counters.foldersKept.incrementAndGet();
                return CompletableFuture.completedFuture(was.tree());
            }
            // on a reader thread: the walk goes on while the tree is made and saved (the first save
            // waits for the repository's index)
            return CompletableFuture.supplyAsync(() -> folderTree(key, oldBytes, items, allListed), readers);
        });
    }

    /** A folder's tree, made again, once its entries' nodes are known (see {@link #folder}). */
    private Id folderTree(String key, OldTreeBytes oldBytes, List<Item> items, boolean allListed) {
        boolean whole = allListed;
        List<Item> kept = new ArrayList<>(items.size());
        for (Item it : items) {
            if (it.part.join() == null) {
                whole = false; // left out with a warning: tried again next time
            } else {
                kept.add(it);
            }
        }
        kept.sort((a, b) -> Tree.compareUtf8(a.name, b.name));
        List<byte[]> nodes = new ArrayList<>(kept.size());
        Map<String, FolderCache.Entry> entries = new HashMap<>(kept.size() * 4 / 3 + 4);
        int offset = TreeBytes.FIRST_NODE_OFFSET;
        for (Item it : kept) {
            Part p = it.part.join();
            byte[] node = p.bytes != null ? p.bytes : oldBytes.slice(p.before);
            nodes.add(node);
            entries.put(it.name, new FolderCache.Entry(p.fingerprint, p.content, offset, node.length, p.subtree));
            offset += node.length + 1; // and the comma
        }
        byte[] tree = TreeBytes.tree(nodes);
        Id id = Id.hash(tree);
        try {
            repo.saveBlob(BlobType.TREE, id, tree, 0, tree.length); // false: the repository has it already
        } catch (RepositoryException ex) {
            throw new CompletionException(ex);
        }
        if (whole) {
            folders.record(key, new FolderCache.Folder(id, entries));
        }
        return id;
    }

    /** An entry whose lstat is as the last backup saw it: its node as before, a folder's with its subtree made anew. */
    private Item sameEntry(FsEntry e, String name, FolderCache.Entry cached, OldTreeBytes oldBytes, boolean descend, long rootDev) {
        Part unchanged = new Part(cached.fingerprint(), cached.content(), cached, null, cached.subtree());
        switch (e.type()) {
            case DIR -> {
                counters.dirs.incrementAndGet();
                if (!descend) {
                    return new Item(name, CompletableFuture.completedFuture(unchanged));
                }
                CompletableFuture<Part> part = folder(e, () -> oldTree(oldBytes.node(cached)), rootDev).thenApply(id -> {
                    if (id.equals(cached.subtree())) {
                        return unchanged;
                    }
                    Node old = oldBytes.node(cached);
                    Node n = e.toNode(name, names).extendedAttributes(dirXattrs(e, old)).subtree(id).build();
                    return new Part(cached.fingerprint(), cached.content(), null, TreeBytes.node(n), id);
                });
                return new Item(name, part);
            }
            case FILE -> {
                counters.filesUnchanged.incrementAndGet();
                counters.bytesDone.addAndGet(e.size());
            }
            default -> counters.others.incrementAndGet();
        }
        return new Item(name, CompletableFuture.completedFuture(unchanged));
    }

    /** A kept entry of a folder: its name and its node to come (null if it was left out). */
    private record Item(String name, CompletableFuture<Part> part) {
    }

    /** An entry's node: as before ({@code before}, in the old tree), or new {@code bytes}. */
    private record Part(byte[] fingerprint, byte[] content, FolderCache.Entry before, byte[] bytes, Id subtree) {
    }

    /**
     * An entry that changed in size, times or inode: backed up without its old node, so that the
     * walk does not wait for the old tree to be read (it is read off the walking thread, to copy the
     * nodes that did not change). A file is read; a folder's extended attributes are read (its ctime
     * changed).
     */
    private CompletableFuture<Node> changedEntry(FsEntry e, String name, FolderCache.Entry cached, OldTreeBytes oldBytes,
            boolean descend, long rootDev) {
        checkStop();
        switch (e.type()) {
            case FILE:
                return file(e, name, null, true);
            case DIR: {
                counters.dirs.incrementAndGet();
                Node.Builder b = e.toNode(name, names).extendedAttributes(xattrs(e.path()));
                CompletableFuture<Id> sub = descend
                        ? folder(e, () -> oldTree(oldBytes.node(cached)), rootDev)
                        : saveTree(List.of());
                return sub.thenApply(id -> b.subtree(id).build());
            }
            default:
                counters.others.incrementAndGet();
                return CompletableFuture.completedFuture(other(e, name));
        }
    }

    private List<ExtendedAttribute> xattrs(Path p) {
        return xattrs(p, null);
    }

    /** {@code p}'s extended attributes (through {@code open}, the file open for reading, unless null); a failure is a warning. */
    private List<ExtendedAttribute> xattrs(Path p, FileChannel open) {
        try {
            return open == null ? opener.xattrs(p) : opener.xattrs(p, open);
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
