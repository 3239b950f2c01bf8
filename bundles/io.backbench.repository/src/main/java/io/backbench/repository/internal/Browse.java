package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.FindMatch;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.SnapshotDiff;
import io.backbench.repository.api.SnapshotDiff.Change;
import io.backbench.repository.api.SnapshotDiff.Kind;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/** Read-only walks over snapshots: stats, diff, find. Caller's thread. */
final class Browse {
    private Browse() {
    }

    static RepositoryStats stats(ResticRepository repo, List<StoredSnapshot> snapshots) throws RepositoryException {
        long[] filesAndRaw = new long[2];
        Map<Id, long[]> treeTotals = new HashMap<>(); // per tree: files, raw bytes below it
        Set<Id> trees = new HashSet<>();
        Set<Id> data = new HashSet<>();
        for (StoredSnapshot s : snapshots) {
            long[] t = totals(repo, s.snapshot().tree(), treeTotals, trees, data);
            filesAndRaw[0] += t[0];
            filesAndRaw[1] += t[1];
        }
        long unique = 0;
        long stored = 0;
        for (Id id : data) {
            PackedBlob b = repo.index().lookup(BlobType.DATA, id).orElseThrow(() -> missing(repo, "data", id));
            unique += b.plaintextLength();
            stored += b.length();
        }
        for (Id id : trees) {
            PackedBlob b = repo.index().lookup(BlobType.TREE, id).orElseThrow(() -> missing(repo, "tree", id));
            unique += b.plaintextLength();
            stored += b.length();
        }
        Map<Id, Long> packs = repo.store().listSizes(Store.DATA);
        long packBytes = packs.values().stream().mapToLong(Long::longValue).sum();
        return new RepositoryStats(snapshots.size(), filesAndRaw[0], filesAndRaw[1], data.size(), trees.size(), unique, stored,
                packs.size(), packBytes);
    }

    private static RepositoryException missing(Repository repo, String type, Id id) {
        return new RepositoryException(type + " blob " + id.shortHex() + " is not in the index of " + repo.describe() + "; run check");
    }

    private static long[] totals(Repository repo, Id tree, Map<Id, long[]> memo, Set<Id> trees, Set<Id> data) throws RepositoryException {
        long[] known = memo.get(tree);
        if (known != null) {
            return known;
        }
        trees.add(tree);
        long[] out = new long[2];
        for (Node n : repo.loadTree(tree).nodes()) {
            if (n.type() == NodeType.FILE) {
                out[0]++;
                out[1] += n.size();
            }
            if (n.content() != null) {
                data.addAll(n.content());
            }
            if (n.subtree() != null) {
                long[] below = totals(repo, n.subtree(), memo, trees, data);
                out[0] += below[0];
                out[1] += below[1];
            }
        }
        memo.put(tree, out);
        return out;
    }

    static SnapshotDiff diff(Repository repo, StoredSnapshot a, StoredSnapshot b) throws RepositoryException {
        List<Change> out = new ArrayList<>();
        diffTrees(repo, a.snapshot().tree(), b.snapshot().tree(), "/", out);
        return new SnapshotDiff(a.id(), b.id(), out);
    }

    private static void diffTrees(Repository repo, Id a, Id b, String dir, List<Change> out) throws RepositoryException {
        if (Objects.equals(a, b)) {
            return;
        }
        List<Node> left = a == null ? List.of() : repo.loadTree(a).nodes();
        List<Node> right = b == null ? List.of() : repo.loadTree(b).nodes();
        Map<String, Node> r = new HashMap<>();
        right.forEach(n -> r.put(n.name(), n));
        Map<String, Node> l = new HashMap<>();
        left.forEach(n -> l.put(n.name(), n));
        List<String> names = new ArrayList<>(l.keySet());
        r.keySet().stream().filter(n -> !l.containsKey(n)).forEach(names::add);
        names.sort(null);
        for (String name : names) {
            Node x = l.get(name);
            Node y = r.get(name);
            String path = TreeWalk.child(dir, name);
            if (x == null) {
                added(repo, y, path, Kind.ADDED, out);
            } else if (y == null) {
                added(repo, x, path, Kind.REMOVED, out);
            } else if (x.type() != y.type()) {
                out.add(new Change(display(path, y), Kind.TYPE, x, y));
                if (x.type() == NodeType.DIR) {
                    diffTrees(repo, x.subtree(), null, path, out);
                }
                if (y.type() == NodeType.DIR) {
                    diffTrees(repo, null, y.subtree(), path, out);
                }
            } else {
                if (!Objects.equals(x.content(), y.content())) {
                    out.add(new Change(path, Kind.MODIFIED, x, y));
                } else if (!sameMetadata(x, y)) {
                    out.add(new Change(display(path, y), Kind.METADATA, x, y));
                }
                if (x.type() == NodeType.DIR) {
                    diffTrees(repo, x.subtree(), y.subtree(), path, out);
                }
            }
        }
    }

    private static void added(Repository repo, Node n, String path, Kind kind, List<Change> out) throws RepositoryException {
        out.add(new Change(display(path, n), kind, kind == Kind.REMOVED ? n : null, kind == Kind.ADDED ? n : null));
        if (n.type() == NodeType.DIR && n.subtree() != null) {
            for (Node c : repo.loadTree(n.subtree()).nodes()) {
                added(repo, c, TreeWalk.child(path, c.name()), kind, out);
            }
        }
    }

    private static String display(String path, Node n) {
        return n.type() == NodeType.DIR ? path + "/" : path;
    }

    private static boolean sameMetadata(Node x, Node y) {
        return x.permissions() == y.permissions() && Objects.equals(x.mtime(), y.mtime()) && x.uid() == y.uid() && x.gid() == y.gid()
                && Objects.equals(x.user(), y.user()) && Objects.equals(x.group(), y.group())
                && (x.type() == NodeType.DIR || x.size() == y.size()) && Objects.equals(x.linkTarget(), y.linkTarget())
                && x.device() == y.device() && Objects.equals(x.extendedAttributes(), y.extendedAttributes());
    }

    static List<FindMatch> find(Repository repo, List<StoredSnapshot> snapshots, String glob, boolean ignoreCase) throws RepositoryException {
        Pattern p = Glob.toRegex(glob, ignoreCase);
        // a pattern without '/' matches names, so matches below a tree are the same in every snapshot
        // sharing it (memoised); one with '/' matches full paths, walked per snapshot
        boolean byPath = glob.contains("/");
        Map<Id, List<Object[]>> memo = byPath ? null : new HashMap<>();
        List<FindMatch> out = new ArrayList<>();
        for (StoredSnapshot s : snapshots) {
            for (Object[] m : findIn(repo, s.snapshot().tree(), "", p, memo)) {
                out.add(new FindMatch(s, (String) m[0], (Node) m[1]));
            }
        }
        return out;
    }

    // matches below tree as {path relative to where memoisation starts, node}
    private static List<Object[]> findIn(Repository repo, Id tree, String prefix, Pattern p, Map<Id, List<Object[]>> memo)
            throws RepositoryException {
        List<Object[]> known = memo == null ? null : memo.get(tree);
        if (known != null) {
            return known;
        }
        List<Object[]> out = new ArrayList<>();
        Tree t = repo.loadTree(tree);
        for (Node n : t.nodes()) {
            String path = "/" + n.name();
            if (memo == null ? p.matcher(prefix + path).matches() : p.matcher(n.name()).matches()) {
                out.add(new Object[] {memo == null ? prefix + path : path, n});
            }
            if (n.subtree() != null) {
                for (Object[] below : findIn(repo, n.subtree(), prefix + path, p, memo)) {
                    out.add(memo == null ? below : new Object[] {path + below[0], below[1]});
                }
            }
        }
        if (memo != null) {
            memo.put(tree, out);
        }
        return out;
    }
}
