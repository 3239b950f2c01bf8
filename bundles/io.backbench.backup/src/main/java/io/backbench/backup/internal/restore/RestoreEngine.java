package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.backbench.backup.api.ExistingFiles;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.backup.internal.restore.RestorePlan.Item;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;

/**
 * One restore: plans, creates folders (parents first), creates every other entry on the calling
 * thread while file contents are written by a pool, re-links hard links, and finally gives folders
 * their metadata (children first, so writing into a folder does not change its restored times).
 */
public final class RestoreEngine {
    private final Repository repo;
    private final RestoreOptions options;
    private final RestoreListener listener;
    private final BooleanSupplier cancelled;
    private final MetadataWriter meta;
    private final ContentWriter content;
    private final List<String> errors = new ArrayList<>();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private long files;
    private long others;
    private long skipped;
    private volatile long lastReport;
    private RestorePlan plan;

    public RestoreEngine(Repository repo, RestoreOptions options, RestoreListener listener, BooleanSupplier cancelled) {
        this.repo = repo;
        this.options = options;
        this.listener = listener == null ? RestoreListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.meta = new MetadataWriter(options.restoreOwners());
        this.content = new ContentWriter(repo, options.sparse());
    }

    public RestoreResult restore(Id rootTree) throws IOException {
        Path target = options.target().toAbsolutePath().normalize();
        plan = RestorePlan.of(repo, rootTree, options.includes(), target);
        if (!options.includes().isEmpty() && plan.dirs.isEmpty() && plan.entries.isEmpty()) {
            throw new IOException("nothing in the snapshot matches " + options.includes() + "; 'backbench ls SNAPSHOT' shows its paths");
        }
        Files.createDirectories(target);
        for (Item d : plan.dirs) {
            makeDir(d);
        }
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        ExecutorService writers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backbench-restore-write");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> pending = new ArrayList<>();
        Map<String, Path> linkLeaders = new HashMap<>();
        try {
            for (Item e : plan.entries) {
                checkCancelled();
                entry(e, linkLeaders, writers, pending);
            }
            for (Future<?> f : pending) {
                await(f);
            }
        } finally {
            writers.shutdownNow();
        }
        for (int i = plan.dirs.size() - 1; i >= 0; i--) {
            Item d = plan.dirs.get(i);
            problems(d, meta.apply(d.dest(), d.node()));
        }
        report(true);
        synchronized (errors) {
            return new RestoreResult(files, plan.dirs.size(), others, skipped, bytesDone.get(), verified.get(), errors);
        }
    }

    private void makeDir(Item d) {
        try {
            if (Files.isDirectory(d.dest(), LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (Files.exists(d.dest(), LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(d.dest()); // a file where the snapshot has a folder
            }
            Files.createDirectory(d.dest());
        } catch (IOException e) {
            error(d, "cannot create the folder: " + e);
        }
    }

    // on the calling thread; file contents go to the writers
    private void entry(Item e, Map<String, Path> linkLeaders, ExecutorService writers, List<Future<?>> pending) {
        Node n = e.node();
        try {
            if (!Files.isDirectory(e.dest().getParent(), LinkOption.NOFOLLOW_LINKS)) {
                return; // its folder could not be made: reported already
            }
            if (!makeRoom(e)) {
                skipped++;
                return;
            }
            String linkKey = n.type() != NodeType.DIR && n.links() > 1 && n.inode() != 0 ? n.deviceId() + ":" + n.inode() : null;
            Path leader = linkKey == null ? null : linkLeaders.get(linkKey);
            if (leader != null) {
                Files.createLink(e.dest(), leader);
                others++;
                return;
            }
            switch (n.type()) {
                case FILE -> {
                    Files.createFile(e.dest());
                    files++;
                    pending.add(writers.submit(() -> writeFile(e)));
                }
                case SYMLINK -> {
                    Files.createSymbolicLink(e.dest(), Path.of(n.linkTarget() == null ? "" : n.linkTarget()));
                    others++;
                    problems(e, meta.apply(e.dest(), n));
                }
                case FIFO, DEV, CHARDEV -> {
                    meta.createSpecial(e.dest(), n);
                    others++;
                    problems(e, meta.apply(e.dest(), n));
                }
                default -> {
                    return; // sockets and irregular files cannot be recreated; restic skips them too
                }
            }
            if (linkKey != null) {
                linkLeaders.put(linkKey, e.dest());
            }
        } catch (IOException | RuntimeException ex) {
            error(e, "cannot restore: " + ex);
        }
    }

    /** Applies the existing-file policy; false to leave the path alone. */
    private boolean makeRoom(Item e) throws IOException {
        Path p = e.dest();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        ExistingFiles policy = options.existing();
        if (policy == ExistingFiles.SKIP) {
            return false;
        }
        if (policy == ExistingFiles.IF_NEWER && e.node().mtime() != null) {
            FileTime have = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
            if (!e.node().mtime().isAfter(have.toInstant())) {
                return false;
            }
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("a folder is in the way; remove it or restore elsewhere");
        }
        Files.delete(p);
        return true;
    }

    // on a writer thread
    private Void writeFile(Item e) {
        if (cancelled.getAsBoolean()) {
            return null;
        }
        try {
            long n = content.write(e.dest(), e.node());
            bytesDone.addAndGet(n);
            if (options.verify()) {
                String diff = content.verify(e.dest(), e.node());
                if (diff == null) {
                    verified.incrementAndGet();
                } else {
                    error(e, "verification failed: " + diff);
                }
            }
            problems(e, meta.apply(e.dest(), e.node()));
        } catch (NoSuchFileException ex) {
            error(e, "the file vanished while it was written: " + ex.getMessage());
        } catch (IOException | RuntimeException ex) {
            error(e, "cannot write the file: " + ex);
        }
        filesDone.incrementAndGet();
        report(false);
        return null;
    }

    private void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
        checkCancelled();
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("restore cancelled");
        }
    }

    private void problems(Item e, List<String> problems) {
        for (String p : problems) {
            error(e, p);
        }
    }

    private void error(Item e, String message) {
        synchronized (errors) {
            errors.add(e.snapshotPath() + ": " + message);
        }
        listener.error(e.snapshotPath(), message);
    }

    private void report(boolean force) {
        long now = System.nanoTime();
        if (force || now - lastReport > 250_000_000L) {
            lastReport = now;
            listener.progress(filesDone.get(), plan.fileCount, bytesDone.get(), plan.fileBytes);
        }
    }
}
