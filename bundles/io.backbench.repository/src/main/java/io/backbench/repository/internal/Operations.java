package io.backbench.repository.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.FindMatch;
import io.backbench.repository.api.ForgetResult;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.IndexRebuildReport;
import io.backbench.repository.api.Progress;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.PruneReport;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.SnapshotDiff;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.SnapshotGrouping;
import io.backbench.repository.api.StoredSnapshot;

/** The implementation behind {@link io.backbench.repository.api.RepositoryOperations}: takes the locks, runs the operation. */
public final class Operations {
    private Operations() {
    }

    public static CheckReport check(Repository r, CheckOptions options, Random random, Progress progress) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        repo.treesFromRepositoryOnly(); // check what the repository holds, not the copies on this machine
        try (RepositoryLock lock = repo.lock(false, false)) { // the checker reports damaged index files itself
            return new Checker(repo, options, random, progress).run();
        }
    }

    public static ForgetResult forget(Repository r, RetentionPolicy policy, SnapshotGrouping grouping, SnapshotFilter filter,
            boolean dryRun) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        if (dryRun) {
            return Forgetter.plan(repo.snapshots(), policy, grouping, filter, Instant.now());
        }
        try (RepositoryLock lock = repo.lock(true)) {
            return Forgetter.execute(repo, Forgetter.plan(repo.snapshots(), policy, grouping, filter, Instant.now()));
        }
    }

    public static List<StoredSnapshot> forgetSnapshots(Repository r, List<Id> ids) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        try (RepositoryLock lock = repo.lock(true)) {
            List<StoredSnapshot> out = new ArrayList<>();
            for (Id id : ids) {
                out.add(new StoredSnapshot(id, repo.loadSnapshot(id)));
            }
            for (StoredSnapshot s : out) {
                repo.store().delete(Store.SNAPSHOTS + "/" + s.id().hex());
            }
            return out;
        }
    }

    public static PruneReport prune(Repository r, PruneOptions options, Progress progress) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        try (RepositoryLock lock = repo.lock(true)) {
            return new Pruner(repo, options, progress).run();
        }
    }

    public static RepositoryStats stats(Repository r, List<StoredSnapshot> snapshots) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        try (RepositoryLock lock = repo.lock(false)) {
            return Browse.stats(repo, snapshots);
        }
    }

    public static SnapshotDiff diff(Repository r, StoredSnapshot a, StoredSnapshot b) throws RepositoryException {
        return Browse.diff(r, a, b);
    }

    public static List<FindMatch> find(Repository r, List<StoredSnapshot> snapshots, String pattern, boolean ignoreCase)
            throws RepositoryException {
        return Browse.find(r, snapshots, pattern, ignoreCase);
    }

    public static IndexRebuildReport rebuildIndex(Repository r, boolean readAllPacks) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        try (RepositoryLock lock = repo.lock(true, false)) { // a damaged index file is what a rebuild is for
            return IndexRebuilder.run(repo, readAllPacks);
        }
    }

    public static int unlock(Repository r, boolean removeAll) throws RepositoryException {
        ResticRepository repo = ResticRepository.of(r);
        return removeAll ? repo.removeAllLocks() : repo.removeStaleLocks();
    }
}
