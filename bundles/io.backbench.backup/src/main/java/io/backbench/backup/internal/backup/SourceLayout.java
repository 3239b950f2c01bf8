package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.backbench.backup.internal.scan.FsEntry;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.Tree;

/**
 * restic's snapshot layout: the root tree mirrors the absolute paths of the sources, every folder on
 * the way stored with its own metadata but holding only the children that lead to a source.
 */
final class SourceLayout {
    private final Level root = new Level();

    private static final class Level {
        final Map<String, Level> children = new TreeMap<>();
        boolean source;
    }

    /** {@code sources} are absolute and normalised; a source below another one is covered by it. */
    SourceLayout(List<Path> sources) {
        for (Path s : sources) {
            Level l = root;
            if (s.getNameCount() == 0) {
                l.source = true;
            }
            for (Path part : s) {
                l = l.children.computeIfAbsent(part.toString(), k -> new Level());
            }
            l.source = true;
        }
    }

    /**
     * Walks everything; returns the root tree's id to come. {@code oldRoot} is the parent snapshot's
     * root tree or null.
     *
     * @throws IOException if a source or a folder on the way does not exist
     */
    CompletableFuture<Id> walk(TreeWalker walker, Tree oldRoot) throws IOException {
        Path slash = Path.of("/");
        if (root.source) {
            FsEntry root = FsEntry.lstat(slash);
            return walker.contents(root, oldRoot, root.dev());
        }
        return level(walker, slash, root, oldRoot);
    }

    private CompletableFuture<Id> level(TreeWalker walker, Path dir, Level level, Tree oldTree) throws IOException {
        List<CompletableFuture<Node>> kids = new ArrayList<>();
        for (Map.Entry<String, Level> c : level.children.entrySet()) {
            Path p = dir.resolve(c.getKey());
            FsEntry e;
            try {
                e = FsEntry.lstat(p);
            } catch (NoSuchFileException ex) {
                throw new IOException(p + " does not exist; check the paths to back up", ex);
            }
            String name = c.getKey();
            Node old = oldTree == null ? null : oldTree.find(name);
            if (c.getValue().source) {
                kids.add(walker.entry(e, name, old, e.dev()));
            } else {
                Tree below = walker.oldTree(old);
                CompletableFuture<Id> sub = level(walker, p, c.getValue(), below);
                kids.add(walker.folderOnTheWay(e, name, old, sub));
            }
        }
        return walker.saveTree(kids);
    }
}
