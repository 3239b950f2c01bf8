package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.IndexRebuildReport;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * restic's {@code rebuild-index}, under an exclusive lock the caller holds: indexes every pack on the
 * target, taking a pack's entries from the old index when its size matches (unless all headers are
 * to be read) and from its header otherwise; writes the new index, then deletes the old files.
 */
final class IndexRebuilder {
    private IndexRebuilder() {
    }

    static IndexRebuildReport run(ResticRepository repo, boolean readAllPacks) throws RepositoryException {
        Store store = repo.store();
        repo.flush();
        List<Id> oldFiles = store.list(Store.INDEX);
        Map<Id, List<PackedBlob>> old = new HashMap<>();
        if (!readAllPacks) {
            for (Id f : oldFiles) {
                try {
                    for (PackedBlob b : IndexCodec.decode(store.loadUnpacked(repo.master(), Store.INDEX, f), "index " + f.shortHex()).blobs()) {
                        old.computeIfAbsent(b.pack(), k -> new ArrayList<>()).add(b);
                    }
                } catch (RepositoryException e) {
                    // a damaged index file is what a rebuild is for; its packs' headers are read instead
                }
            }
        }
        Map<Id, Long> onTarget = store.listSizes(Store.DATA);
        List<Id> ids = new ArrayList<>(onTarget.keySet());
        ids.sort(null);
        List<IndexCodec.PackEntries> entries = new ArrayList<>();
        List<Id> unreadable = new ArrayList<>();
        int headersRead = 0;
        long blobs = 0;
        for (Id pack : ids) {
            long size = onTarget.get(pack);
            List<PackedBlob> known = old.get(pack);
            List<PackedBlob> list;
            if (known != null && PackHeader.expectedSize(dedupe(known)) == size) {
                list = dedupe(known);
            } else {
                try {
                    list = PackHeader.read(store, repo.master(), pack, size, known == null ? 0 : known.size());
                    headersRead++;
                } catch (RepositoryException e) {
                    unreadable.add(pack);
                    continue;
                }
            }
            entries.add(new IndexCodec.PackEntries(pack, list));
            blobs += list.size();
        }
        List<Id> written = new ArrayList<>();
        List<IndexCodec.PackEntries> batch = new ArrayList<>();
        int n = 0;
        for (IndexCodec.PackEntries p : entries) {
            if (n > 0 && n + p.blobs().size() > PackWriter.MAX_BLOBS_PER_INDEX) {
                written.add(save(repo, batch, written.isEmpty() ? oldFiles : List.of()));
                batch.clear();
                n = 0;
            }
            batch.add(p);
            n += p.blobs().size();
        }
        if (!batch.isEmpty() || written.isEmpty()) {
            written.add(save(repo, batch, written.isEmpty() ? oldFiles : List.of()));
        }
        int removed = 0;
        for (Id f : oldFiles) {
            if (!written.contains(f) && store.delete(Store.INDEX + "/" + f.hex())) {
                removed++;
            }
        }
        repo.replaceIndex();
        return new IndexRebuildReport(entries.size(), blobs, headersRead, unreadable, removed, written.size());
    }

    // a pack listed in two old index files contributes its entries twice
    private static List<PackedBlob> dedupe(List<PackedBlob> l) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(l));
    }

    private static Id save(ResticRepository repo, List<IndexCodec.PackEntries> batch, List<Id> supersedes) throws RepositoryException {
        return repo.store().saveUnpacked(repo.master(), repo.config().version(), Store.INDEX, IndexCodec.encode(batch, supersedes));
    }
}
