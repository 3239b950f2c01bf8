package io.backbench.backup.internal.backup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionException;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.TreeBytes;

/**
 * The plaintext of a folder's tree in the parent snapshot, loaded when first needed (a node to
 * copy or to compare with); thread-safe. The cache's offsets were recorded for exactly these
 * bytes (the repository checks them against the tree's id), so a node that does not fit them is
 * a damaged cache: the backup fails and says so.
 */
final class OldTreeBytes {
    private final Repository repo;
    private final Id tree;
    private final Path dir;
    private volatile byte[] bytes;

    OldTreeBytes(Repository repo, Id tree, Path dir) {
        this.repo = repo;
        this.tree = tree;
        this.dir = dir;
    }

    byte[] slice(FolderCache.Entry e) {
        byte[] b = get();
        int end = e.offset() + e.length();
        if (e.offset() < TreeBytes.FIRST_NODE_OFFSET || e.length() < 2 || end > b.length || b[e.offset()] != '{'
                || b[end - 1] != '}') {
            throw new IllegalStateException("the folder cache does not match tree " + tree.shortHex() + " of " + dir
                    + "; delete the folder cache (the data folder's cache/backup) and run the backup again");
        }
        return Arrays.copyOfRange(b, e.offset(), end);
    }

    /** The old node of an entry, or null if it cannot be read (then the entry is backed up as new). */
    Node node(FolderCache.Entry e) {
        try {
            return TreeBytes.parseNode(slice(e), "node of " + dir + " in tree " + tree.shortHex());
        } catch (RepositoryException | IllegalStateException | CompletionException ex) {
            return null;
        }
    }

    private byte[] get() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (this) {
                if (bytes == null) {
                    try {
                        bytes = repo.loadBlob(BlobType.TREE, tree);
                    } catch (RepositoryException ex) {
                        throw new CompletionException(ex);
                    }
                }
                b = bytes;
            }
        }
        return b;
    }
}

