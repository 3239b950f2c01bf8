package io.backbench.backup.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;

/** Finds snapshots as restic's commands name them: {@code latest}, or a unique prefix of the id. */
public final class SnapshotFinder {
    private SnapshotFinder() {
    }

    /** The latest snapshot of {@code hostname} with exactly {@code paths} (in any order), or null. */
    public static StoredSnapshot latest(Repository repo, String hostname, List<String> paths) throws RepositoryException {
        List<String> want = new ArrayList<>(paths);
        want.sort(null);
        StoredSnapshot best = null;
        for (StoredSnapshot s : repo.snapshots()) {
            List<String> have = new ArrayList<>(s.snapshot().paths());
            have.sort(null);
            if (have.equals(want) && (hostname == null || hostname.equals(s.snapshot().hostname()))) {
                best = s; // oldest first, so the last match is the latest
            }
        }
        return best;
    }

    /**
     * The snapshot {@code ref} names: {@code latest} (optionally of {@code hostname}), or an id or its
     * unique prefix.
     *
     * @throws RepositoryException saying what was wrong and how to list the snapshots
     */
    public static StoredSnapshot find(Repository repo, String ref, String hostname) throws RepositoryException {
        List<StoredSnapshot> all = repo.snapshots();
        if (ref.equals("latest")) {
            StoredSnapshot best = null;
            for (StoredSnapshot s : all) {
                if (hostname == null || hostname.equals(s.snapshot().hostname())) {
                    best = s;
                }
            }
            if (best == null) {
                throw new RepositoryException("there is no snapshot in " + repo.describe()
                        + (hostname == null ? "" : " of host " + hostname) + "; make one with 'backbench backup PATH'");
            }
            return best;
        }
        String prefix = ref.toLowerCase(java.util.Locale.ROOT);
        List<StoredSnapshot> hits = all.stream().filter(s -> s.id().hex().startsWith(prefix)).toList();
        if (hits.isEmpty()) {
            throw new RepositoryException("no snapshot " + ref + " in " + repo.describe() + "; 'backbench snapshots' lists them");
        }
        if (hits.size() > 1) {
            throw new RepositoryException("'" + ref + "' names " + hits.size() + " snapshots; give more digits of the id");
        }
        return hits.get(0);
    }

    /** This machine's name as restic records it (the kernel's node name). */
    public static String localHostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
