package io.backbench.jobs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.Catalog;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;

/** Small things the kinds do with a repository. */
final class Repos {
    private Repos() {
    }

    /** Bytes of all blobs the loaded index lists, as stored (compressed, encrypted): the repository's size. */
    static long storedBytes(Repository repo) {
        AtomicLong sum = new AtomicLong();
        repo.index().forEach(b -> sum.addAndGet(b.length()));
        return sum.get();
    }

    /** Rebuilds the catalog's cache of the repository's snapshots. */
    static void refreshSnapshotCache(Catalog catalog, String location, Repository repo) throws RepositoryException {
        List<CachedSnapshot> list = new ArrayList<>();
        for (StoredSnapshot s : repo.snapshots()) {
            list.add(new CachedSnapshot(s.id().hex(), s.snapshot().time(), s.snapshot().hostname(), s.snapshot().paths(),
                    s.snapshot().tags()));
        }
        catalog.replaceSnapshots(location, list);
    }
}
