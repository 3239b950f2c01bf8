package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/** Walks over snapshots' trees. Runs on the caller's thread. */
final class TreeWalk {
    private TreeWalk() {
    }

    /** Adds every tree and data blob reachable from {@code root} to {@code trees} and {@code data}; fails on a missing tree. */
    static void collectUsed(Repository repo, Id root, Set<Id> trees, Set<Id> data) throws RepositoryException {
        List<Id> todo = new ArrayList<>();
        if (trees.add(root)) {
            todo.add(root);
        }
        while (!todo.isEmpty()) {
            Id id = todo.remove(todo.size() - 1);
            Tree t = repo.loadTree(id);
            for (Node n : t.nodes()) {
                if (n.content() != null) {
                    data.addAll(n.content());
                }
                if (n.subtree() != null && trees.add(n.subtree())) {
                    todo.add(n.subtree());
                }
            }
        }
    }

    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /**
     * Finds, for each of the {@code lost} blob ids, the paths in every snapshot of files holding it
     * (data) or of directories whose listing it is (tree), as {@code <snapshot short id>:<path>}.
     * Memoises per tree, so subtrees shared by snapshots are walked once. Trees that do not load
     * are skipped (they are reported on their own).
     */
    static Map<Id, List<String>> affected(Repository repo, List<StoredSnapshot> snapshots, Set<Id> lost) {
        Map<Id, Map<Id, List<String>>> memo = new HashMap<>();
        Map<Id, List<String>> out = new HashMap<>();
        for (StoredSnapshot s : snapshots) {
            String prefix = s.id().shortHex() + ":";
            Id root = s.snapshot().tree();
            if (lost.contains(root)) {
                out.computeIfAbsent(root, k -> new ArrayList<>()).add(prefix + "/ (root directory listing)");
            }
            affectedIn(repo, root, lost, memo).forEach((blob, paths) -> {
                List<String> l = out.computeIfAbsent(blob, k -> new ArrayList<>());
                paths.forEach(p -> l.add(prefix + p));
            });
        }
        return out;
    }

    // lost blob -> paths below tree, each starting with '/'
    private static Map<Id, List<String>> affectedIn(Repository repo, Id tree, Set<Id> lost, Map<Id, Map<Id, List<String>>> memo) {
        Map<Id, List<String>> known = memo.get(tree);
        if (known != null) {
            return known;
        }
        Map<Id, List<String>> out = new HashMap<>();
        memo.put(tree, out); // a cycle (impossible in a sound repository) ends here
        Tree t;
        try {
            t = repo.loadTree(tree);
        } catch (RepositoryException e) {
            return out;
        }
        for (Node n : t.nodes()) {
            String path = "/" + n.name();
            if (n.content() != null) {
                for (Id blob : new java.util.LinkedHashSet<>(n.content())) {
                    if (lost.contains(blob)) {
                        out.computeIfAbsent(blob, k -> new ArrayList<>()).add(path);
                    }
                }
            }
            if (n.subtree() != null) {
                if (lost.contains(n.subtree())) {
                    out.computeIfAbsent(n.subtree(), k -> new ArrayList<>()).add(path + "/ (directory listing)");
                }
                affectedIn(repo, n.subtree(), lost, memo).forEach((blob, paths) -> {
                    List<String> l = out.computeIfAbsent(blob, k -> new ArrayList<>());
                    paths.forEach(p -> l.add(path + p));
                });
            }
        }
        return out;
    }
}
