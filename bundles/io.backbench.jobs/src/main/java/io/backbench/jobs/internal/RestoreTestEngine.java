package io.backbench.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.catalog.api.Verification;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/**
 * A restore test: restores a snapshot (or a random share of its files) into a sandbox folder, reads
 * every restored file back and compares it byte for byte with the blobs loaded from the repository
 * (each verified by its SHA-256 on loading), measures the restore time against the RTO, and deletes
 * the sandbox. Runs on the calling (job) thread; the restore itself uses the engine's threads.
 */
final class RestoreTestEngine {
    /** What the test is about and where it runs. */
    record Request(String jobId, String jobName, String location, double samplePercent, Duration rto, Path sandboxParent) {
    }

    /** One regular file of the snapshot: its path as the snapshot lists it, and its node. */
    private record FileEntry(String path, Node node) {
    }

    private final Random random;
    private final LongSupplier nanoTime;

    RestoreTestEngine(Random random, LongSupplier nanoTime) {
        this.random = random;
        this.nanoTime = nanoTime;
    }

    Verification test(Repository repo, StoredSnapshot snapshot, Request req, Instant started, ProgressMonitor monitor)
            throws IOException {
        List<FileEntry> all = new ArrayList<>();
        walk(repo, snapshot.snapshot().tree(), "", all, monitor);
        List<FileEntry> chosen = sample(all, req.samplePercent());
        long bytes = chosen.stream().mapToLong(f -> f.node().size()).sum();
        Set<String> failed = new ConcurrentSkipListSet<>();
        Path sandbox = Files.createTempDirectory(req.sandboxParent(), "backbench-restore-test-");
        long restoreNanos;
        try {
            monitor.begin("Restoring snapshot " + snapshot.id().shortHex() + " (" + chosen.size() + " of " + all.size() + " files)", bytes);
            RestoreOptions options = RestoreOptions.to(sandbox).withRestoreOwners(false);
            if (req.samplePercent() < 100) {
                options = options.withIncludes(chosen.stream().map(FileEntry::path).toList());
            }
            long t0 = nanoTime.getAsLong();
            try {
                RestoreResult r = FileRestore.restore(repo, snapshot.id(), options, listener(monitor, failed), monitor::isCancelled);
                if (r.targetFull()) {
                    // the sandbox's disk, not the snapshot: no verdict on the backup is recorded
                    throw new SandboxFull("the restore test could not run to its end, and says nothing of snapshot "
                            + snapshot.id().shortHex() + ": " + String.join("; ", r.errors())
                            + " (the sandbox is under " + req.sandboxParent() + "; the job's option 'sandbox' chooses another folder)");
                }
                r.errors().forEach(e -> monitor.warn("restore: " + e));
            } catch (RepositoryException e) {
                monitor.warn("the restore stopped: " + e.getMessage());
            }
            restoreNanos = nanoTime.getAsLong() - t0;
            monitor.begin("Checking restored files against the repository", bytes);
            for (FileEntry f : chosen) {
                monitor.checkCancelled();
                String problem = compare(repo, f, sandbox, monitor);
                if (problem != null) {
                    failed.add(f.path());
                    monitor.warn(f.path() + ": " + problem);
                }
            }
        } finally {
            deleteTree(sandbox);
        }
        Duration restoreTime = Duration.ofNanos(restoreNanos);
        Duration measured = req.samplePercent() < 100 && !chosen.isEmpty()
                ? Duration.ofNanos((long) (restoreNanos * (all.size() / (double) chosen.size()))) : restoreTime;
        boolean breach = req.rto() != null && measured.compareTo(req.rto()) > 0;
        List<String> failedList = new ArrayList<>(new TreeSet<>(failed));
        String message = failedList.isEmpty()
                ? chosen.size() + " files (" + bytes + " bytes) restored and equal to the repository in " + restoreTime.toMillis() + " ms"
                : failedList.size() + " of " + chosen.size() + " files could not be restored or differ from the repository: "
                        + String.join(", ", failedList.subList(0, Math.min(10, failedList.size())))
                        + (failedList.size() > 10 ? ", ..." : "");
        if (breach) {
            message += "; the restore" + (measured == restoreTime ? "" : " (scaled to the whole snapshot)") + " took "
                    + measured.toMillis() + " ms, longer than the RTO of " + req.rto();
        }
        return new Verification(0, 0, req.jobId(), req.jobName(), req.location(), snapshot.id().hex(), started, failedList.isEmpty(),
                req.samplePercent(), chosen.size(), bytes, restoreTime, req.rto(), breach, failedList, message);
    }

    /** The sandbox's file system ran full: the test did not run, so it has no verdict to record. */
    static final class SandboxFull extends IOException {
        private static final long serialVersionUID = 1L;

        SandboxFull(String message) {
            super(message);
        }
    }

    private static RestoreListener listener(ProgressMonitor monitor, Set<String> failed) {
        return new RestoreListener() {
            private long reported;

            @Override
            public synchronized void progress(long filesDone, long filesTotal, long bytesDone, long bytesTotal) {
                if (bytesDone > reported) {
                    monitor.worked(bytesDone - reported);
                    reported = bytesDone;
                }
            }

            @Override
            public void error(String path, String message) {
                if (path != null && !path.isEmpty()) {
                    failed.add(path);
                }
            }
        };
    }

    /** Null when the restored file holds exactly the snapshot's content, else what differs. */
    private static String compare(Repository repo, FileEntry f, Path sandbox, ProgressMonitor monitor) {
        Path restored = sandbox.resolve(f.path().substring(1));
        if (!Files.isRegularFile(restored)) {
            return "not restored";
        }
        long offset = 0;
        try (InputStream in = Files.newInputStream(restored)) {
            for (Id blob : f.node().content()) {
                byte[] expected;
                try {
                    expected = repo.loadBlob(BlobType.DATA, blob);
                } catch (RepositoryException e) {
                    return "the repository's data for it is damaged (blob " + blob.shortHex() + "): " + e.getMessage();
                }
                byte[] actual = in.readNBytes(expected.length);
                if (actual.length != expected.length || mismatch(actual, expected) >= 0) {
                    long at = offset + (actual.length != expected.length ? actual.length : mismatch(actual, expected));
                    return "restored content differs from the repository at byte " + at;
                }
                offset += expected.length;
                monitor.worked(expected.length);
            }
            if (in.read() >= 0) {
                return "restored file is longer than the snapshot's " + offset + " bytes";
            }
        } catch (IOException e) {
            return "cannot read the restored file: " + e.getMessage();
        }
        return offset == f.node().size() ? null : "the snapshot says " + f.node().size() + " bytes but its content has " + offset;
    }

    private static int mismatch(byte[] a, byte[] b) {
        return java.util.Arrays.mismatch(a, b);
    }

    private List<FileEntry> sample(List<FileEntry> all, double percent) {
        if (percent >= 100 || all.isEmpty()) {
            return all;
        }
        List<FileEntry> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        int n = Math.max(1, (int) Math.ceil(all.size() * percent / 100));
        List<FileEntry> chosen = new ArrayList<>(shuffled.subList(0, n));
        chosen.sort(Comparator.comparing(FileEntry::path));
        return chosen;
    }

    private static void walk(Repository repo, Id treeId, String prefix, List<FileEntry> out, ProgressMonitor monitor)
            throws RepositoryException {
        monitor.checkCancelled();
        Tree tree = repo.loadTree(treeId);
        for (Node n : tree.nodes()) {
            String path = prefix + "/" + n.name();
            if (n.type() == NodeType.DIR && n.subtree() != null) {
                walk(repo, n.subtree(), path, out, monitor);
            } else if (n.type() == NodeType.FILE && n.content() != null) {
                out.add(new FileEntry(path, n));
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file we cannot delete stays in the temporary folder; nothing is lost
                }
            });
        } catch (IOException e) {
            System.err.println("backbench: could not remove the restore-test sandbox " + dir + ": " + e.getMessage());
        }
    }
}
