package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
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
import io.backbench.repository.api.Sizes;
import io.backbench.target.api.io.IoErrors;

/**
 * One restore: plans, creates folders (parents first), hands file contents to a pool that writes
 * them pack by pack (see {@link ContentWriter}) while the calling thread creates every other entry,
 * then makes hard links, sets the times collected for symlinks and special files, and finally gives
 * folders their metadata (children first, so writing into a folder does not change its restored times).
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
    /** Files whose content failed; entries not made because the target's file system is full. */
    private final AtomicLong filesFailed = new AtomicLong();
    private final AtomicLong notMade = new AtomicLong();
    private long files;
    private long others;
    private long skipped;
    private volatile long lastReport;
    private RestorePlan plan;
    /** Folders this restore created: nothing can be in the way inside them. */
    private final java.util.Set<Path> fresh = new java.util.HashSet<>();
    /** Folders that could not be made (nor anything below them); their metadata is not set either. */
    private final java.util.Set<Path> unmade = new java.util.HashSet<>();

    public RestoreEngine(Repository repo, RestoreOptions options, RestoreListener listener, BooleanSupplier cancelled) {
        this.repo = repo;
        this.options = options;
        this.listener = listener == null ? RestoreListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.meta = new MetadataWriter(options.restoreOwners(), options.target().toAbsolutePath().normalize());
        this.content = new ContentWriter(repo, options.sparse(), this::fileWritten);
    }

    public RestoreResult restore(Id rootTree) throws IOException {
        Path target = options.target().toAbsolutePath().normalize();
        plan = RestorePlan.of(repo, rootTree, options.includes(), target);
        if (!options.includes().isEmpty() && plan.dirs.isEmpty() && plan.entries.isEmpty()) {
            throw new IOException("nothing in the snapshot matches " + options.includes() + "; 'backbench ls SNAPSHOT' shows its paths");
        }
        makeTarget(target);
        for (String u : plan.unreachable) {
            synchronized (errors) {
                errors.add(u);
            }
            listener.error("", u);
        }
        for (Item d : plan.dirs) {
            makeDir(d);
        }
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors() + 1;
        ExecutorService writers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backbench-restore-write");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> pending = new ArrayList<>();
        Map<String, Path> linkLeaders = new HashMap<>();
        List<Item[]> links = new ArrayList<>();
        try {
            // files first, so their content is written while this thread makes the other entries
            List<Item> toWrite = new ArrayList<>();
            for (Item e : plan.entries) {
                checkCancelled();
                if (e.node().type() == NodeType.FILE) {
                    file(e, linkLeaders, links, toWrite);
                }
            }
            for (java.util.concurrent.Callable<Void> task : content.plan(toWrite)) {
                pending.add(writers.submit(task));
            }
            for (Item e : plan.entries) {
                checkCancelled();
                if (e.node().type() != NodeType.FILE) {
                    if (content.full() != null) {
                        notMade.incrementAndGet();
                    } else {
                        other(e, linkLeaders, links);
                    }
                }
            }
            for (Future<?> f : pending) {
                await(f);
            }
        } finally {
            writers.shutdownNow();
        }
        for (Item[] l : links) {
            if (content.full() != null) {
                notMade.incrementAndGet();
                continue;
            }
            try {
                Files.createLink(l[0].dest(), l[1].dest());
                others++;
            } catch (IOException | RuntimeException ex) {
                error(l[0], "cannot restore: " + ex);
            }
        }
        String full = content.full();
        if (full != null) {
            // one error for all that the full file system stopped, not one per file
            String message = "the restore stopped: the file system of " + target + " is full (" + full + ") after "
                    + Sizes.human(bytesDone.get()) + " of " + Sizes.human(plan.fileBytes) + " of file content; "
                    + (notMade.get() == 1 ? "1 file or other entry was" : notMade.get() + " files and other entries were")
                    + " not restored, and no partly written file is left."
                    + " Free at least " + Sizes.human(plan.fileBytes - bytesDone.get()) + " there, or restore into a"
                    + " folder on a bigger disk (--target) or only part of the snapshot (--include), then run the"
                    + " restore again";
            synchronized (errors) {
                errors.add(message);
            }
            listener.error("", message);
        }
        for (String p : meta.flushTimes()) {
            synchronized (errors) {
                errors.add(p);
            }
            listener.error("", p);
        }
        for (int i = plan.dirs.size() - 1; i >= 0; i--) {
            Item d = plan.dirs.get(i);
            if (!unmade.contains(d.dest())) {
                problems(d, meta.apply(d.dest(), d.node()));
            }
        }
        report(true);
        synchronized (errors) {
            return new RestoreResult(files - filesFailed.get(), plan.dirs.size() - unmade.size(), others, skipped,
                    bytesDone.get(), verified.get(), errors, full != null);
        }
    }

    private void makeDir(Item d) {
        Path dir = d.dest();
        if (unmade.contains(dir.getParent())) {
            unmade.add(dir); // its folder could not be made: that was told, not every folder below it
            return;
        }
        try {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(dir); // a file where the snapshot has a folder
            }
            Files.createDirectory(dir);
            fresh.add(dir);
        } catch (IOException e) {
            unmade.add(dir);
            error(d, "cannot create the folder " + dir + ": " + IoErrors.reason(e) + "; nothing below it is restored");
        }
    }

    /** Makes the folder to restore into, or says why it cannot be one. */
    private static void makeTarget(Path target) throws IOException {
        try {
            Files.createDirectories(target);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot restore into " + target + ": " + (e.getFile() == null ? target : e.getFile())
                    + " is a file, not a folder; restore into a folder (one that does not exist yet is made)", e);
        } catch (IOException e) {
            throw new IOException("cannot make the folder " + target + " to restore into: " + IoErrors.reason(e)
                    + "; restore into a folder on a writable file system with space to spare", e);
        }
    }

    /** The hard-link key of a node that has other names, or null. */
    private static String linkKey(Node n) {
        return n.type() != NodeType.DIR && n.links() > 1 && n.inode() != 0 ? n.deviceId() + ":" + n.inode() : null;
    }

    /** Whether the entry may be made: its folder exists and the existing-file policy allows it. */
    private boolean room(Item e) throws IOException {
        Path parent = e.dest().getParent();
        if (fresh.contains(parent)) {
            return true; // this restore made the folder: nothing is in the way
        }
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            return false; // its folder could not be made: reported already
        }
        if (!makeRoom(e)) {
            skipped++;
            return false;
        }
        return true;
    }

    // on the calling thread: a file's content is written later by the writers
    // (a file not written here, a skipped one or another name of a file written, counts as done now,
    // so that the progress ends at the total it told)
    private void file(Item e, Map<String, Path> linkLeaders, List<Item[]> links, List<Item> toWrite) {
        try {
            if (!room(e)) {
                filesDone.incrementAndGet();
                return;
            }
            String key = linkKey(e.node());
            Path leader = key == null ? null : linkLeaders.get(key);
            if (leader != null) {
                links.add(new Item[] {e, new Item(e.snapshotPath(), e.node(), leader)});
                filesDone.incrementAndGet();
                return;
            }
            files++;
            toWrite.add(e);
            if (key != null) {
                linkLeaders.put(key, e.dest());
            }
        } catch (IOException | RuntimeException ex) {
            filesDone.incrementAndGet();
            error(e, "cannot restore: " + ex);
        }
    }

    // on the calling thread, while the writers write file contents
    private void other(Item e, Map<String, Path> linkLeaders, List<Item[]> links) {
        Node n = e.node();
        try {
            if (!room(e)) {
                return;
            }
            String key = linkKey(n);
            Path leader = key == null ? null : linkLeaders.get(key);
            if (leader != null) {
                links.add(new Item[] {e, new Item(e.snapshotPath(), n, leader)});
                return;
            }
            switch (n.type()) {
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
            if (key != null) {
                linkLeaders.put(key, e.dest());
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

    // on a writer thread, when a file's content is complete
    private void fileWritten(Item e, long bytes, String failure) {
        if (ContentWriter.NO_SPACE.equals(failure)) {
            filesFailed.incrementAndGet();
            notMade.incrementAndGet(); // told once, by the restore's last error
        } else if (failure != null) {
            filesFailed.incrementAndGet();
            error(e, failure);
        } else if (!cancelled.getAsBoolean()) {
            bytesDone.addAndGet(bytes);
            try {
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
        }
        filesDone.incrementAndGet();
        report(false);
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
