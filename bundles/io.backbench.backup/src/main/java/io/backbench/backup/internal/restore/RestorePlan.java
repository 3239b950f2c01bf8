package io.backbench.backup.internal.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.backbench.backup.internal.backup.TreePrefetch;
import io.backbench.backup.internal.scan.Glob;
import io.backbench.backup.internal.scan.RawNames;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;

/**
 * What a restore will do, worked out before anything is written: every selected entry with its
 * snapshot path and its destination, folders in pre-order (parents first). An entry is selected if
 * an include matches its path or a folder above it; a folder that is not selected itself is kept if
 * something below it is.
 */
final class RestorePlan {
    record Item(String snapshotPath, Node node, Path dest) {
    }

    final List<Item> dirs = new ArrayList<>();
    final List<Item> entries = new ArrayList<>(); // everything that is not a folder, in walk order
    long fileBytes;
    long fileCount;
    /** Errors of entries whose names this JVM cannot write (see RawNames). */
    final List<String> unreachable = new ArrayList<>();

    private final List<Glob> includes;
    private final Path target;

    private RestorePlan(List<Glob> includes, Path target) {
        this.includes = includes;
        this.target = target;
    }

    static RestorePlan of(Repository repo, Id rootTree, List<String> includes, Path target) throws RepositoryException {
        List<Glob> globs = new ArrayList<>();
        for (String inc : includes) {
            String p = inc.length() > 1 && inc.endsWith("/") ? inc.substring(0, inc.length() - 1) : inc;
            globs.add(Glob.compile(p));
        }
        RestorePlan plan = new RestorePlan(globs, target);
        // the trees are decrypted and decoded a step ahead, on another thread, while this one plans
        try (TreePrefetch trees = new TreePrefetch(repo, "backbench-restore-trees")) {
            plan.walk(trees, rootTree, "", target, globs.isEmpty());
        }
        return plan;
    }

    /** Returns whether anything below was selected. */
    private boolean walk(TreePrefetch trees, Id treeId, String path, Path dest, boolean selected) throws RepositoryException {
        Tree tree = trees.take(treeId);
        List<Id> subtrees = new ArrayList<>();
        for (Node n : tree.nodes()) {
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                subtrees.add(n.subtree());
            }
        }
        trees.ahead(subtrees);
        boolean any = false;
        for (Node n : tree.nodes()) {
            String name = n.name();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.indexOf(0) >= 0) {
                throw new RepositoryException("tree " + treeId.shortHex() + " holds an unsafe name '" + n.name()
                        + "'; it is not restored (the repository may be damaged or forged)");
            }
            String p = path + "/" + name;
            Path d;
            try {
                d = RawNames.resolve(dest, name);
            } catch (IllegalStateException e) {
                unreachable.add(p + ": not restored: " + e.getMessage());
                continue;
            }
            boolean sel = selected || matches(p);
            if (n.type() == NodeType.DIR) {
                int at = dirs.size();
                dirs.add(new Item(p, n, d));
                boolean below = n.subtree() != null && walk(trees, n.subtree(), p, d, sel);
                if (sel || below) {
                    any = true;
                } else {
                    dirs.subList(at, dirs.size()).clear();
                }
            } else if (sel) {
                entries.add(new Item(p, n, d));
                if (n.type() == NodeType.FILE) {
                    fileCount++;
                    fileBytes += n.size();
                }
                any = true;
            }
        }
        return any;
    }

    private boolean matches(String path) {
        if (includes.isEmpty()) {
            return true;
        }
        List<String> comps = Glob.components(path);
        return includes.stream().anyMatch(g -> g.matches(comps));
    }

    Path target() {
        return target;
    }
}
