package io.backbench.repository.api;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.backbench.repository.internal.Operations;

/**
 * The repository commands beside backup and restore, as restic has them: check, forget, prune,
 * stats, diff, find, index rebuild, unlock; and picking snapshots by id prefix or {@code latest}.
 * Every method runs on the caller's thread and takes the lock the command needs (shared for check
 * and stats, exclusive for forget, prune and index rebuild; diff and find read without a lock, as
 * restic's do). A {@link RepositoryLockedException} says who holds a conflicting lock.
 */
public final class RepositoryOperations {
    private static final Random RANDOM = new SecureRandom();

    private RepositoryOperations() {
    }

    /**
     * Checks the repository ({@code restic check [--read-data | --read-data-subset S]}). Damage is
     * reported, not thrown: the report lists errors (naming pack, blob and the affected snapshot
     * paths), warnings and information. Throws only when the repository cannot be examined at all.
     */
    public static CheckReport check(Repository repo, CheckOptions options) throws RepositoryException {
        return Operations.check(repo, options, RANDOM, Progress.NONE);
    }

    /** As {@link #check}, reporting packs read ("read packs") to {@code progress}. */
    public static CheckReport check(Repository repo, CheckOptions options, Progress progress) throws RepositoryException {
        return Operations.check(repo, options, RANDOM, progress);
    }

    /** As {@link #check}, with the random source that picks a percentage subset (tests pass a seeded one). */
    public static CheckReport check(Repository repo, CheckOptions options, Random random) throws RepositoryException {
        return Operations.check(repo, options, random, Progress.NONE);
    }

    /**
     * Applies a retention policy ({@code restic forget --keep-...}) to the snapshots matching
     * {@code filter}, grouped by {@code grouping}; unless {@code dryRun}, deletes the snapshot files
     * it does not keep (under an exclusive lock). Data stays until {@link #prune}. The result says
     * per group what is kept and why, and what goes.
     */
    public static ForgetResult forget(Repository repo, RetentionPolicy policy, SnapshotGrouping grouping, SnapshotFilter filter,
            boolean dryRun) throws RepositoryException {
        return Operations.forget(repo, policy, grouping, filter, dryRun);
    }

    /** Deletes the given snapshots ({@code restic forget ID...}); returns what was deleted. */
    public static List<StoredSnapshot> forget(Repository repo, List<Id> snapshots) throws RepositoryException {
        return Operations.forgetSnapshots(repo, snapshots);
    }

    /**
     * Removes data no snapshot uses ({@code restic prune}) under an exclusive lock: deletes unused
     * packs, repacks partly used ones, writes a new index superseding the old, and deletes old index
     * files and packs only after the new index is saved. Stops without deleting anything when a
     * snapshot cannot be read in full or the index lists missing packs.
     */
    public static PruneReport prune(Repository repo, PruneOptions options) throws RepositoryException {
        return Operations.prune(repo, options, Progress.NONE);
    }

    /** As {@link #prune}, reporting packs repacked ("repack") to {@code progress}. */
    public static PruneReport prune(Repository repo, PruneOptions options, Progress progress) throws RepositoryException {
        return Operations.prune(repo, options, progress);
    }

    /** Sizes of the given snapshots (all when empty): raw, deduplicated, stored; and the repository's packs. */
    public static RepositoryStats stats(Repository repo, List<StoredSnapshot> snapshots) throws RepositoryException {
        return Operations.stats(repo, snapshots.isEmpty() ? repo.snapshots() : snapshots);
    }

    /** What changed from snapshot {@code from} to snapshot {@code to} ({@code restic diff}). */
    public static SnapshotDiff diff(Repository repo, StoredSnapshot from, StoredSnapshot to) throws RepositoryException {
        return Operations.diff(repo, from, to);
    }

    /**
     * Paths matching a glob in the given snapshots (all when empty), oldest snapshot first
     * ({@code restic find}). The pattern ({@code *}, {@code ?}, {@code [a-z]}, as Go's
     * {@code filepath.Match}: {@code *} never crosses a {@code /}) matches entry names when it has no
     * {@code /} (e.g. {@code *.txt}), else full paths from the snapshot root (e.g. {@code /home/*}{@code /notes.txt}).
     */
    public static List<FindMatch> find(Repository repo, List<StoredSnapshot> snapshots, String pattern, boolean ignoreCase)
            throws RepositoryException {
        return Operations.find(repo, snapshots.isEmpty() ? repo.snapshots() : snapshots, pattern, ignoreCase);
    }

    /**
     * Writes a new index from the packs on the target ({@code restic rebuild-index}) and deletes the
     * old index files. A pack whose size matches its old index entries keeps them unless
     * {@code readAllPacks}; every other pack's header is read. Packs without a readable header are
     * left out (and reported).
     */
    public static IndexRebuildReport rebuildIndex(Repository repo, boolean readAllPacks) throws RepositoryException {
        return Operations.rebuildIndex(repo, readAllPacks);
    }

    /**
     * Removes stale lock files ({@code restic unlock}): older than 30 minutes, or made on this host by
     * a process that is gone. With {@code removeAll}, every lock file ({@code --remove-all}). Returns
     * how many were removed.
     */
    public static int unlock(Repository repo, boolean removeAll) throws RepositoryException {
        return Operations.unlock(repo, removeAll);
    }

    /**
     * The snapshot named by {@code ref}: {@code latest} (the newest matching {@code filter}), a full
     * id, or a unique prefix of one ({@code 40dc1520}). An unknown or ambiguous name is an error that
     * says so.
     */
    public static StoredSnapshot findSnapshot(Repository repo, String ref, SnapshotFilter filter) throws RepositoryException {
        List<StoredSnapshot> all = repo.snapshots();
        if ("latest".equals(ref)) {
            StoredSnapshot newest = null;
            for (StoredSnapshot s : all) {
                if (filter.matches(s.snapshot()) && (newest == null || !s.snapshot().time().isBefore(newest.snapshot().time()))) {
                    newest = s;
                }
            }
            if (newest == null) {
                throw new RepositoryException("no snapshot" + (filter.equals(SnapshotFilter.ALL) ? "" : " matching the filter") + " in "
                        + repo.describe());
            }
            return newest;
        }
        String prefix = ref == null ? "" : ref.toLowerCase(java.util.Locale.ROOT);
        if (prefix.isEmpty() || !prefix.matches("[0-9a-f]+")) {
            throw new RepositoryException("'" + ref + "' is not a snapshot id: use 'latest', an id or a prefix of one (as 'snapshots' lists them)");
        }
        List<StoredSnapshot> matches = new ArrayList<>();
        for (StoredSnapshot s : all) {
            if (s.id().hex().startsWith(prefix)) {
                matches.add(s);
            }
        }
        if (matches.isEmpty()) {
            throw new RepositoryException("no snapshot " + ref + " in " + repo.describe());
        }
        if (matches.size() > 1) {
            throw new RepositoryException("snapshot prefix " + ref + " is ambiguous (" + matches.size() + " snapshots); give more digits");
        }
        return matches.get(0);
    }
}
