package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * What a restore will do, handed out as the snapshot's trees are read, so that writing starts with
 * the first folder instead of after the last tree: every selected entry with its snapshot path and
 * its destination, each folder before anything in it (pre-order). An entry is selected if an include
 * matches its path or a folder above it; a folder that is not selected itself is handed out when
 * the first selected thing below it is (and never, if there is none).
 */
final class RestorePlan {
    record Item(String snapshotPath, Node node, Path dest) {
    }

    /** Receives the plan on the walking thread, in order. */
    interface Sink {
        /** A folder to make; its parent was handed out before it (or is the target). */
        void folder(Item dir) throws IOException;

        /** Anything that is not a folder, after its folder. */
        void entry(Item e) throws IOException;

        /** An entry whose name this JVM cannot write (see RawNames): why it is not restored. */
        void unreachable(String message);
    }

    private final List<Glob> includes;
    private final Sink sink;
    /** Folders met on the way down whose handing out waits for something selected below them. */
    private final ArrayDeque<Item> waiting = new ArrayDeque<>();

    private RestorePlan(List<Glob> includes, Sink sink) {
        this.includes = includes;
        this.sink = sink;
    }

    /** Walks the tree {@code rootTree} into {@code target}, handing the plan to {@code sink} as it goes. */
    static void walk(Repository repo, Id rootTree, List<String> includes, Path target, Sink sink) throws IOException {
        List<Glob> globs = new ArrayList<>();
        for (String inc : includes) {
            String p = inc.length() > 1 && inc.endsWith("/") ? inc.substring(0, inc.length() - 1) : inc;
            globs.add(Glob.compile(p));
        }
        RestorePlan plan = new RestorePlan(globs, sink);
        // the trees are decrypted and decoded a step ahead, on another thread, while this one plans
        try (TreePrefetch trees = new TreePrefetch(repo, "backbench-restore-trees")) {
            plan.walk(trees, rootTree, "", target, globs.isEmpty());
        }
    }

    private void walk(TreePrefetch trees, Id treeId, String path, Path dest, boolean selected) throws IOException {
        Tree tree = trees.take(treeId);
        List<Id> subtrees = new ArrayList<>();
        for (Node n : tree.nodes()) {
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                subtrees.add(n.subtree());
            }
        }
        trees.ahead(subtrees);
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
                sink.unreachable(p + ": not restored: " + e.getMessage());
                continue;
            }
            boolean sel = selected || matches(p);
            if (n.type() == NodeType.DIR) {
                Item dir = new Item(p, n, d);
                waiting.addLast(dir);
                if (sel) {
                    handOutWaiting();
                }
                if (n.subtree() != null) {
                    walk(trees, n.subtree(), p, d, sel);
                }
                if (waiting.peekLast() == dir) {
                    waiting.removeLast(); // neither it nor anything below it is selected
                }
            } else if (sel) {
                handOutWaiting();
                sink.entry(new Item(p, n, d));
            }
        }
    }

    private void handOutWaiting() throws IOException {
        while (!waiting.isEmpty()) {
            sink.folder(waiting.removeFirst());
        }
    }

    private boolean matches(String path) {
        if (includes.isEmpty()) {
            return true;
        }
        List<String> comps = Glob.components(path);
        return includes.stream().anyMatch(g -> g.matches(comps));
    }
}
