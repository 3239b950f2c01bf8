package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Progress;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.PruneReport;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;

/**
 * restic's {@code prune}, under an exclusive lock the caller holds: finds the blobs snapshots use,
 * deletes packs holding none, copies the used blobs of partly used packs into new packs (as few as
 * needed to get under the unused-space limit), writes one new index that supersedes all old index
 * files, and only then deletes old index files and packs. A crash at any point leaves a repository
 * whose every snapshot is complete (at worst with extra index files or unreferenced packs).
 */
final class Pruner {
    private final ResticRepository repo;
    private final Store store;
    private final PruneOptions options;
    private final Progress progress;

    private final Map<Id, List<PackedBlob>> packs = new LinkedHashMap<>();
    private final Set<Id> usedData = new HashSet<>();
    private final Set<Id> usedTrees = new HashSet<>();
    // the one copy of each used blob that survives: its pack
    private final Map<Id, Id> chosenData = new HashMap<>();
    private final Map<Id, Id> chosenTrees = new HashMap<>();

    private record PackUse(Id pack, long usedBytes, long unusedBytes, int used, int unused, boolean hasTrees, boolean hasData) {
    }

    Pruner(ResticRepository repo, PruneOptions options, Progress progress) {
        this.repo = repo;
        this.store = repo.store();
        this.options = options;
        this.progress = progress;
    }

    PruneReport run() throws RepositoryException {
        repo.replaceIndex();
        List<Id> indexFiles = store.list(Store.INDEX);
        loadIndex(indexFiles);
        Map<Id, Long> onTarget = store.listSizes(Store.DATA);
        List<Id> missing = packs.keySet().stream().filter(p -> !onTarget.containsKey(p)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new RepositoryException("the index lists " + missing.size() + " packs that are missing from " + repo.describe()
                    + " (first: " + missing.get(0).shortHex() + "); nothing was pruned. Run check to see which snapshots are"
                    + " affected, then rebuild the index.");
        }
        List<StoredSnapshot> snapshots = repo.snapshots();
        findUsed(snapshots);

        long usedBlobs = 0;
        long usedBytes = 0;
        long unusedBlobs = 0;
        long unusedBytes = 0;
        List<PackUse> keep = new ArrayList<>();
        List<PackUse> remove = new ArrayList<>();
        List<PackUse> candidates = new ArrayList<>();
        for (Map.Entry<Id, List<PackedBlob>> e : packs.entrySet()) {
            PackUse u = use(e.getKey(), e.getValue());
            usedBlobs += u.used;
            usedBytes += u.usedBytes;
            unusedBlobs += u.unused;
            unusedBytes += u.unusedBytes;
            if (u.unused == 0) {
                keep.add(u);
            } else if (u.used == 0) {
                remove.add(u);
            } else {
                candidates.add(u);
            }
        }
        List<PackUse> repack = chooseRepacks(candidates, keep, usedBytes, unusedBytes, remove);
        List<Id> unreferenced = onTarget.keySet().stream().filter(p -> !packs.containsKey(p)).sorted().toList();
        long unusedAfter = keep.stream().mapToLong(PackUse::unusedBytes).sum();
        long deletedBytes = 0;
        for (PackUse u : remove) {
            deletedBytes += onTarget.get(u.pack);
        }
        for (PackUse u : repack) {
            deletedBytes += onTarget.get(u.pack);
        }
        for (Id p : unreferenced) {
            deletedBytes += onTarget.get(p);
        }
        if (options.dryRun()) {
            long repackedUsed = repack.stream().mapToLong(PackUse::usedBytes).sum();
            return new PruneReport(true, snapshots.size(), usedBlobs, usedBytes, unusedBlobs, unusedBytes, keep.size(), remove.size(),
                    repack.size(), 0, unreferenced.size(), 0, 0, unusedAfter, deletedBytes - repackedUsed);
        }

        List<IndexCodec.PackEntries> written = repackAll(repack);
        long writtenBytes = 0;
        for (IndexCodec.PackEntries p : written) {
            writtenBytes += PackHeader.expectedSize(p.blobs());
        }
        List<IndexCodec.PackEntries> newIndex = new ArrayList<>();
        for (PackUse u : keep) {
            newIndex.add(new IndexCodec.PackEntries(u.pack, packs.get(u.pack)));
        }
        newIndex.addAll(written);
        // crash-safe order: new packs are up; now the new index, then delete what it supersedes
        List<Id> newFiles = writeIndex(newIndex, indexFiles);
        for (Id old : indexFiles) {
            if (!newFiles.contains(old)) {
                store.delete(Store.INDEX + "/" + old.hex());
            }
        }
        for (PackUse u : remove) {
            store.delete(Store.packKey(u.pack));
        }
        for (PackUse u : repack) {
            store.delete(Store.packKey(u.pack));
        }
        for (Id p : unreferenced) {
            store.delete(Store.packKey(p));
        }
        repo.replaceIndex();
        return new PruneReport(false, snapshots.size(), usedBlobs, usedBytes, unusedBlobs, unusedBytes, keep.size(), remove.size(),
                repack.size(), written.size(), unreferenced.size(), indexFiles.size(), newFiles.size(), unusedAfter,
                deletedBytes - writtenBytes);
    }

    private void loadIndex(List<Id> indexFiles) throws RepositoryException {
        for (Id file : indexFiles) {
            IndexCodec.IndexFile idx = IndexCodec.decode(store.loadUnpacked(repo.master(), Store.INDEX, file), "index " + file.shortHex());
            Map<Id, List<PackedBlob>> byPack = new LinkedHashMap<>();
            for (PackedBlob b : idx.blobs()) {
                byPack.computeIfAbsent(b.pack(), k -> new ArrayList<>()).add(b);
            }
            byPack.forEach(packs::putIfAbsent);
        }
    }

    private void findUsed(List<StoredSnapshot> snapshots) throws RepositoryException {
        for (StoredSnapshot s : snapshots) {
            try {
                TreeWalk.collectUsed(repo, s.snapshot().tree(), usedTrees, usedData);
            } catch (RepositoryException e) {
                throw new RepositoryException("snapshot " + s.id().shortHex() + " cannot be read in full (" + e.getMessage()
                        + "); nothing was pruned. Run check to find the damage.", e);
            }
        }
        for (List<PackedBlob> blobs : packs.values()) {
            for (PackedBlob b : blobs) {
                if ((b.type() == BlobType.DATA ? usedData : usedTrees).contains(b.id())) {
                    (b.type() == BlobType.DATA ? chosenData : chosenTrees).putIfAbsent(b.id(), b.pack());
                }
            }
        }
        for (Id d : usedData) {
            if (!chosenData.containsKey(d)) {
                throw new RepositoryException("data blob " + d.shortHex() + " used by a snapshot is in no index of " + repo.describe()
                        + "; nothing was pruned. Run check, then rebuild the index.");
            }
        }
    }

    private boolean chosen(PackedBlob b) {
        return b.pack().equals((b.type() == BlobType.DATA ? chosenData : chosenTrees).get(b.id()));
    }

    private PackUse use(Id pack, List<PackedBlob> blobs) {
        long ub = 0;
        long nb = 0;
        int u = 0;
        int n = 0;
        boolean trees = false;
        boolean data = false;
        for (PackedBlob b : blobs) {
            trees |= b.type() == BlobType.TREE;
            data |= b.type() == BlobType.DATA;
            if (chosen(b)) {
                u++;
                ub += b.length();
            } else {
                n++;
                nb += b.length();
            }
        }
        return new PackUse(pack, ub, nb, u, n, trees, data);
    }

    // restic's rule: tree and mixed packs are always repacked (even with 100%: metadata stays compact); data packs, most wasteful first, until
    // the unused data left is below maxUnused% of the repository (used / (100 - p) * p).
    private List<PackUse> chooseRepacks(List<PackUse> candidates, List<PackUse> keep, long used, long unused, List<PackUse> remove) {
        double p = options.maxUnusedPercent();
        double maxUnusedAfter = p >= 100 ? Double.MAX_VALUE : used * p / (100 - p);
        long unusedLeft = unused - remove.stream().mapToLong(PackUse::unusedBytes).sum();
        List<PackUse> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing((PackUse u) -> u.hasData && !u.hasTrees)
                .thenComparing((a, b) -> Double.compare(ratio(b), ratio(a))));
        List<PackUse> repack = new ArrayList<>();
        for (PackUse u : sorted) {
            boolean dataOnly = u.hasData && !u.hasTrees;
            if (!dataOnly || (p < 100 && unusedLeft >= maxUnusedAfter)) {
                repack.add(u);
                unusedLeft -= u.unusedBytes;
            } else {
                keep.add(u);
            }
        }
        return repack;
    }

    private static double ratio(PackUse u) {
        return (double) u.unusedBytes / (u.usedBytes + u.unusedBytes);
    }

    private List<IndexCodec.PackEntries> repackAll(List<PackUse> repack) throws RepositoryException {
        PackWriter writer = repo.newPackWriter(new MasterIndex());
        Set<Id> copiedData = new HashSet<>();
        Set<Id> copiedTrees = new HashSet<>();
        int done = 0;
        for (PackUse u : repack) {
            progress.update("repack", done++, repack.size());
            byte[] bytes = store.read(Store.packKey(u.pack));
            for (PackedBlob b : packs.get(u.pack)) {
                if (!chosen(b) || !(b.type() == BlobType.DATA ? copiedData : copiedTrees).add(b.id())) {
                    continue;
                }
                if (b.offset() < 0 || b.offset() + b.length() > bytes.length) {
                    throw new RepositoryException("pack " + u.pack.shortHex() + " is shorter than its index says; nothing was deleted."
                            + " Run check.");
                }
                byte[] raw = Arrays.copyOfRange(bytes, (int) b.offset(), (int) b.offset() + b.length());
                try {
                    repo.blobCodec().open(b, raw); // never copy a damaged blob into a new pack
                } catch (RepositoryException e) {
                    throw new RepositoryException(e.getMessage() + "; prune stopped before deleting anything. Run check --read-data.", e);
                }
                writer.add(b.type(), b.id(), raw, raw.length, b.uncompressedLength());
            }
        }
        List<IndexCodec.PackEntries> written = writer.flushPacks();
        progress.update("repack", repack.size(), repack.size());
        return written;
    }

    private List<Id> writeIndex(List<IndexCodec.PackEntries> all, List<Id> supersedes) throws RepositoryException {
        List<Id> written = new ArrayList<>();
        List<IndexCodec.PackEntries> batch = new ArrayList<>();
        int blobs = 0;
        for (IndexCodec.PackEntries p : all) {
            if (blobs > 0 && blobs + p.blobs().size() > PackWriter.MAX_BLOBS_PER_INDEX) {
                written.add(save(batch, written.isEmpty() ? supersedes : List.of()));
                batch.clear();
                blobs = 0;
            }
            batch.add(p);
            blobs += p.blobs().size();
        }
        if (!batch.isEmpty() || written.isEmpty()) {
            written.add(save(batch, written.isEmpty() ? supersedes : List.of()));
        }
        return written;
    }

    private Id save(List<IndexCodec.PackEntries> batch, List<Id> supersedes) throws RepositoryException {
        return store.saveUnpacked(repo.master(), repo.config().version(), Store.INDEX, IndexCodec.encode(batch, supersedes));
    }
}
