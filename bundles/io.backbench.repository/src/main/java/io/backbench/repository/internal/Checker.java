package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckProblem.Kind;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Progress;
import io.backbench.repository.api.ReadDataSubset;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/**
 * restic's {@code check}: the index against the packs on the target (presence, size, header), every
 * snapshot's trees against the index, and with read-data each selected pack's bytes. Damaged or
 * missing blobs are traced to the snapshot paths that use them. Runs on the caller's thread.
 */
final class Checker {
    private static final int READERS = 2;
    private final ResticRepository repo;
    private final CheckOptions options;
    private final Random random;
    private final Progress progress;
    private final List<CheckProblem> problems = new ArrayList<>();
    // pack -> its blobs as the index lists them (first index file that lists the pack wins)
    private final Map<Id, List<PackedBlob>> packs = new LinkedHashMap<>();
    private final Map<Id, PackedBlob> dataBlobs = new HashMap<>();
    private final Map<Id, PackedBlob> treeBlobs = new HashMap<>();
    // blobs whose content cannot be had: traced to files at the end
    private final Map<Id, CheckProblem> lostBy = new HashMap<>();
    private final List<StoredSnapshot> snapshots = new ArrayList<>();
    private int treesLoaded;
    private int packsRead;
    private long blobsRead;

    Checker(ResticRepository repo, CheckOptions options, Random random, Progress progress) {
        this.repo = repo;
        this.options = options;
        this.random = random;
        this.progress = progress;
    }

    CheckReport run() throws RepositoryException {
        loadIndex();
        // trees are loaded through the repository: its index becomes what the readable files list
        List<PackedBlob> readable = new ArrayList<>(dataBlobs.values());
        readable.addAll(treeBlobs.values());
        repo.indexFrom(readable);
        Map<Id, Long> onTarget = repo.store().listSizes(Store.DATA);
        Set<Id> toRead = options.readData() ? select(options.subset()) : Set.of();
        checkPacks(onTarget, toRead);
        loadSnapshots();
        checkTrees();
        List<Id> present = new ArrayList<>(toRead);
        present.retainAll(onTarget.keySet());
        Collections.sort(present);
        readPacks(present);
        List<CheckProblem> out = traceFiles();
        out.sort((a, b) -> a.kind().severity().compareTo(b.kind().severity()));
        return new CheckReport(out, snapshots.size(), treesLoaded, packs.size(), packsRead, blobsRead, options.subset());
    }

    private void loadIndex() throws RepositoryException {
        Store store = repo.store();
        Map<Id, Id> packIndexFile = new HashMap<>();
        for (Id file : store.list(Store.INDEX)) {
            IndexCodec.IndexFile idx;
            String name = Store.INDEX + "/" + file.hex();
            try {
                byte[] sealed = store.read(name);
                try {
                    idx = IndexCodec.decode(store.openUnpacked(repo.master(), name, file, sealed), "index " + file.shortHex());
                } catch (RepositoryException damaged) {
                    throw new RepositoryException(damaged.getMessage() + "; 'backbench repo rebuild-index' writes a new index"
                            + " from the packs", damaged);
                }
            } catch (RepositoryException e) {
                problems.add(problem(Kind.INDEX_UNREADABLE, "index file " + file.shortHex() + " cannot be read: " + e.getMessage(),
                        null, null));
                continue;
            }
            Map<Id, List<PackedBlob>> byPack = new LinkedHashMap<>();
            for (PackedBlob b : idx.blobs()) {
                byPack.computeIfAbsent(b.pack(), k -> new ArrayList<>()).add(b);
            }
            for (Map.Entry<Id, List<PackedBlob>> e : byPack.entrySet()) {
                Id other = packIndexFile.putIfAbsent(e.getKey(), file);
                if (other != null) {
                    problems.add(problem(Kind.DUPLICATE_PACK, "pack " + e.getKey().shortHex() + " is listed in index files "
                            + other.shortHex() + " and " + file.shortHex() + " (index rebuild or prune cleans this up)", e.getKey(), null));
                    continue;
                }
                packs.put(e.getKey(), e.getValue());
                for (PackedBlob b : e.getValue()) {
                    PackedBlob first = (b.type() == BlobType.DATA ? dataBlobs : treeBlobs).putIfAbsent(b.id(), b);
                    if (first != null) {
                        problems.add(problem(Kind.DUPLICATE_BLOB, b.type().jsonName() + " blob " + b.id().shortHex()
                                + " is stored in packs " + first.pack().shortHex() + " and " + b.pack().shortHex()
                                + " (prune removes the extra copy)", b.pack(), b.id()));
                    }
                }
            }
        }
    }

    private Set<Id> select(ReadDataSubset subset) {
        List<Id> all = new ArrayList<>(packs.keySet());
        if (subset == null) {
            return new HashSet<>(all);
        }
        Set<Id> out = new HashSet<>();
        if (subset.buckets() > 0) {
            for (Id p : all) {
                if ((p.bytes()[0] & 0xff) % subset.buckets() == subset.bucket() - 1) {
                    out.add(p);
                }
            }
            return out;
        }
        Collections.sort(all);
        Collections.shuffle(all, random);
        int n = (int) Math.round(all.size() * subset.percent() / 100.0);
        if (n == 0 && !all.isEmpty()) {
            n = 1;
        }
        out.addAll(all.subList(0, n));
        return out;
    }

    private void checkPacks(Map<Id, Long> onTarget, Set<Id> toRead) {
        for (Map.Entry<Id, List<PackedBlob>> e : packs.entrySet()) {
            Id pack = e.getKey();
            Long size = onTarget.get(pack);
            long expected = PackHeader.expectedSize(e.getValue());
            if (size == null) {
                lose(e.getValue(), problem(Kind.PACK_MISSING, "pack " + pack.shortHex() + " is listed in the index but missing from "
                        + repo.describe() + " (" + e.getValue().size() + " blobs lost)", pack, null));
            } else if (size != expected) {
                lose(e.getValue(), problem(Kind.PACK_WRONG_SIZE, "pack " + pack.shortHex() + " is " + size + " bytes, the index says "
                        + expected, pack, null));
            } else if (!toRead.contains(pack)) {
                try {
                    compareHeader(pack, PackHeader.read(repo.store(), repo.master(), pack, size, e.getValue().size()));
                } catch (RepositoryException ex) {
                    problems.add(problem(Kind.PACK_HEADER_MISMATCH, "pack " + pack.shortHex() + ": header unreadable: " + ex.getMessage(),
                            pack, null));
                }
            }
        }
        List<Id> unreferenced = new ArrayList<>(onTarget.keySet());
        unreferenced.removeAll(packs.keySet());
        Collections.sort(unreferenced);
        // with an index file unreadable, such a pack is more likely one it lists: prune would delete data
        boolean indexDamaged = problems.stream().anyMatch(p -> p.kind() == Kind.INDEX_UNREADABLE);
        for (Id pack : unreferenced) {
            problems.add(problem(Kind.UNREFERENCED_PACK, "pack " + pack.shortHex() + " is not listed in any index" + (indexDamaged
                    ? " (perhaps in the unreadable index file: 'backbench repo rebuild-index' indexes it again; do not prune before)"
                    : " (left by an interrupted backup or prune; prune removes it)"), pack, null));
        }
    }

    private void compareHeader(Id pack, List<PackedBlob> header) {
        CheckProblem p = PackVerifier.compareHeader(pack, packs.get(pack), header);
        if (p != null) {
            problems.add(p);
        }
    }

    private void loadSnapshots() {
        for (Id id : listSnapshotIds()) {
            try {
                snapshots.add(new StoredSnapshot(id, repo.loadSnapshot(id)));
            } catch (RepositoryException e) {
                problems.add(new CheckProblem(Kind.SNAPSHOT_UNREADABLE, "snapshot " + id.shortHex() + " cannot be read: " + e.getMessage(),
                        null, null, id, List.of()));
            }
        }
        snapshots.sort(java.util.Comparator.comparing((StoredSnapshot s) -> s.snapshot().time()).thenComparing(StoredSnapshot::id));
    }

    private List<Id> listSnapshotIds() {
        try {
            return repo.listSnapshots();
        } catch (RepositoryException e) {
            problems.add(problem(Kind.SNAPSHOT_UNREADABLE, "snapshots cannot be listed: " + e.getMessage(), null, null));
            return List.of();
        }
    }

    private void checkTrees() {
        Set<Id> seen = new HashSet<>();
        Set<Id> missingData = new HashSet<>();
        for (StoredSnapshot s : snapshots) {
            List<Object[]> todo = new ArrayList<>();
            todo.add(new Object[] {s.snapshot().tree(), "/"});
            while (!todo.isEmpty()) {
                Object[] item = todo.remove(todo.size() - 1);
                Id id = (Id) item[0];
                String path = (String) item[1];
                if (!seen.add(id)) {
                    continue;
                }
                Tree tree = loadTree(s, id, path);
                if (tree == null) {
                    continue;
                }
                for (Node n : tree.nodes()) {
                    String child = TreeWalk.child(path, n.name());
                    if (n.content() != null) {
                        for (Id blob : n.content()) {
                            if (!dataBlobs.containsKey(blob) && missingData.add(blob)) {
                                CheckProblem p = new CheckProblem(Kind.BLOB_NOT_IN_INDEX, "data blob " + blob.shortHex() + " of "
                                        + child + " in snapshot " + s.id().shortHex() + " is not in the index", null, blob, s.id(), List.of());
                                lostBy.putIfAbsent(blob, p);
                                problems.add(p);
                            }
                        }
                    }
                    if (n.subtree() != null) {
                        todo.add(new Object[] {n.subtree(), child});
                    }
                }
            }
        }
    }

    private Tree loadTree(StoredSnapshot s, Id id, String path) {
        if (!treeBlobs.containsKey(id)) {
            CheckProblem p = new CheckProblem(Kind.TREE_MISSING, "tree " + id.shortHex() + " of " + path + " in snapshot "
                    + s.id().shortHex() + " is not in the index", null, id, s.id(), List.of());
            problems.add(p);
            lostBy.putIfAbsent(id, p);
            return null;
        }
        try {
            Tree t = repo.loadTree(id);
            treesLoaded++;
            return t;
        } catch (RepositoryException e) {
            PackedBlob b = treeBlobs.get(id);
            CheckProblem p = new CheckProblem(Kind.TREE_DAMAGED, "tree " + id.shortHex() + " of " + path + " in snapshot "
                    + s.id().shortHex() + " cannot be loaded: " + e.getMessage(), b.pack(), id, s.id(), List.of());
            if (lostBy.putIfAbsent(id, p) == null) {
                problems.add(p);
            }
            return null;
        }
    }

    // Two workers overlap download, decryption and hashing (two cores); results are merged in pack
    // order on this thread, so reports are the same from run to run.
    private void readPacks(List<Id> toRead) throws RepositoryException {
        PackVerifier verifier = new PackVerifier(repo);
        ExecutorService pool = Executors.newFixedThreadPool(READERS, r -> {
            Thread t = new Thread(r, "backbench-check-read-data");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PackVerifier.Outcome>> futures = new ArrayList<>();
            for (Id pack : toRead) {
                List<PackedBlob> indexed = packs.get(pack);
                futures.add(pool.submit(() -> verifier.verify(pack, indexed)));
            }
            int done = 0;
            for (Future<PackVerifier.Outcome> f : futures) {
                PackVerifier.Outcome o = f.get();
                packsRead += o.read() ? 1 : 0;
                blobsRead += o.blobs();
                problems.addAll(o.problems());
                o.lost().forEach(lostBy::putIfAbsent);
                progress.update("read packs", ++done, toRead.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("check of " + repo.describe() + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new RepositoryException("check of " + repo.describe() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void lose(List<PackedBlob> blobs, CheckProblem p) {
        problems.add(p);
        for (PackedBlob b : blobs) {
            lostBy.putIfAbsent(b.id(), p);
        }
    }

    // Adds to each problem that loses blobs the snapshot paths that use them.
    private List<CheckProblem> traceFiles() {
        if (lostBy.isEmpty()) {
            return new ArrayList<>(problems);
        }
        Map<Id, List<String>> paths = TreeWalk.affected(repo, snapshots, lostBy.keySet());
        // files listed by snapshot (oldest first), then path
        Map<String, Integer> order = new HashMap<>();
        for (StoredSnapshot s : snapshots) {
            order.putIfAbsent(s.id().shortHex(), order.size());
        }
        java.util.Comparator<String> bySnapshot = java.util.Comparator
                .comparing((String f) -> order.getOrDefault(f.substring(0, f.indexOf(':')), -1)).thenComparing(f -> f);
        Map<CheckProblem, Set<String>> files = new HashMap<>();
        lostBy.forEach((blob, p) -> files.computeIfAbsent(p, k -> new java.util.TreeSet<>(bySnapshot)).addAll(paths.getOrDefault(blob, List.of())));
        List<CheckProblem> out = new ArrayList<>();
        for (CheckProblem p : problems) {
            Set<String> f = files.get(p);
            out.add(f == null || f.isEmpty() ? p : new CheckProblem(p.kind(), p.message(), p.pack(), p.blob(), p.snapshot(), List.copyOf(f)));
        }
        return out;
    }

    private static CheckProblem problem(Kind kind, String message, Id pack, Id blob) {
        return PackVerifier.problem(kind, message, pack, blob);
    }
}
