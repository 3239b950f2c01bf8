package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.internal.scan.FsEntry;
import io.backbench.backup.internal.scan.PathFilter;
import io.backbench.backup.internal.scan.RawNames;
import io.backbench.backup.internal.SnapshotFinder;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/**
 * One backup run: sets up the stages (walk on the calling thread, read and chunk on the reader
 * pool, hash/compress/encrypt/pack/upload on the saver pool, scan and progress beside them), waits
 * for the root tree, saves the snapshot. On cancellation or failure it stops the stages, writes the
 * index of the packs already uploaded (so a later run reuses them) and rethrows.
 */
public final class BackupEngine {
    private final Repository repo;
    private final BackupOptions options;
    private final BackupListener listener;
    private final BooleanSupplier cancelled;
    private final FileOpener opener;
    private final Path folderCacheDir;
    private final ScanAhead ahead;
    private final Counters counters;
    private volatile boolean stopping;

    public BackupEngine(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled,
            FileOpener opener) {
        this(repo, options, listener, cancelled, opener, null);
    }

    /** {@code folderCacheDir} holds the {@link FolderCache}s of this machine's backups; null for none. */
    public BackupEngine(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled,
            FileOpener opener, Path folderCacheDir) {
        this(repo, options, listener, cancelled, opener, folderCacheDir, null);
    }

    /**
     * As above, going on from {@code ahead} (null for none): the listing of the sources started before
     * the repository was open. One made for other sources or filters, closed, or already taken by
     * another backup is left alone, and the run lists on its own.
     */
    public BackupEngine(Repository repo, BackupOptions options, BackupListener listener, BooleanSupplier cancelled,
            FileOpener opener, Path folderCacheDir, ScanAhead ahead) {
        this.folderCacheDir = folderCacheDir;
        this.repo = repo;
        this.options = options;
        this.listener = listener == null ? BackupListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.opener = opener;
        // (taken here, so that the totals it counted are the run's from the start)
        this.ahead = ahead != null && ahead.lists(options) && ahead.take(this::stopped) ? ahead : null;
        this.counters = this.ahead != null ? this.ahead.counters() : new Counters();
    }

    private boolean stopped() {
        return stopping || cancelled.getAsBoolean();
    }

    public BackupResult run() throws IOException {
        Instant start = Instant.now();
        BooleanSupplier stop = this::stopped;
        try {
            // (inside: a scan taken over stops when this ends, whatever ends it)
            List<Path> sources = sources();
            // the scan only reads the file system: it lists the first folders (cold, from the disk) for
            // the walk while the parent is found, the folder cache read and the lock taken (and, when a
            // command started it, while the repository was opened)
            ScanAhead scan = ahead;
            if (scan == null) {
                scan = ScanAhead.start(options, PathFilter.of(options), counters);
                scan.take(stop);
            }
            return run(start, sources, scan.filter(), stop, scan.listings());
        } finally {
            stopping = true;
        }
    }

    private BackupResult run(Instant start, List<Path> sources, PathFilter filter, BooleanSupplier stop, Listings listings)
            throws IOException {
        Path cacheFile = folderCacheDir == null ? null
                : FolderCache.file(folderCacheDir, repo.config().id(), sources, hostname(), options);
        CompletableFuture<FolderCache> cacheRead = cacheFile == null ? null
                : CompletableFuture.supplyAsync(() -> FolderCache.load(cacheFile));
        StoredSnapshot parent = findParent(sources);
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        // by default, readers mostly wait for the disk on small files: several keep the device busy (tar,
        // one at a time, spends most of its time waiting); chunking on them is CPU work the OS spreads
        // over the cores. Twelve on two cores: a full backup of the bench corpus took 8.8-9.1 s with 12,
        // 9.1-9.5 s with 8, 8.9-9.0 s with 16 and 8.9-9.3 s with 24 (4 alternating rounds); with fewer,
        // the moments when every reader waits for the disk idle the cores (on a virtual machine each
        // such sleep and wake-up costs CPU too: 91 000 voluntary context switches with 4, 73 000 with 12).
        // An explicit thread count is taken as it is.
        int readerCount = options.threads() > 0 ? Math.max(2, threads) : Math.max(12, threads * 2);
        ExecutorService readers = Executors.newFixedThreadPool(readerCount, daemon("backbench-backup-read"));
        ExecutorService savers = Executors.newFixedThreadPool(threads, daemon("backbench-backup-save"));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("backbench-backup-timer"));
        Warnings warnings = new Warnings(listener);
        // (the free arrays kept: twice what the chunks in flight may hold, as their sizes change with the
        // files: a steady backup allocates next to none)
        ChunkBuffers arrays = new ChunkBuffers(2 * options.memoryBudget());
        BlobPipeline blobs = new BlobPipeline(repo, savers, options.memoryBudget(), arrays, counters);
        TreeWalker walker = null;
        try (RepositoryLock lock = repo.lock(false)) {
            FolderCache folders = cacheRead == null ? null : cacheRead.join().forParent(parent == null ? null : parent.id());
            walker = new TreeWalker(repo, filter, opener, readers, readerCount * 4,
                    new FileChunker(repo, opener, blobs, arrays, counters, stop), counters, warnings, stop, options.force(),
                    listings, folders);
            timers.scheduleAtFixedRate(() -> listener.progress(counters.snapshot()), 250, 500, TimeUnit.MILLISECONDS);
            long every = options.indexInterval().toMillis();
            timers.scheduleWithFixedDelay(new IndexWriter(), every, every, TimeUnit.MILLISECONDS);
            Tree oldRoot = parent == null ? null : repo.loadTree(parent.snapshot().tree());
            Id root;
            try {
                CompletableFuture<Id> rootFuture = new SourceLayout(sources).walk(walker, oldRoot);
                root = await(rootFuture, blobs);
            } catch (RuntimeException | IOException e) {
                stopping = true;
                drain(readers, savers);
                saveWhatWasUploaded(e);
                throw e;
            }
            timers.shutdownNow();
            Snapshot snap = new Snapshot(start, root, sources.stream().map(Path::toString).toList(), hostname(),
                    System.getProperty("user.name"), ids("unix:uid"), ids("unix:gid"), filter.excludePatterns(),
                    options.tags(), parent == null ? null : parent.id(), null);
            Id id = repo.saveSnapshot(snap);
            if (folders != null) {
                try {
                    folders.save(cacheFile, id);
                } catch (IOException e) {
                    // only a cache: the next backup reads the parent's trees instead
                }
            }
            counters.scanDone = true;
            listener.progress(counters.snapshot());
            return new BackupResult(id, parent == null ? null : parent.id(), counters.filesNew.get(),
                    counters.filesChanged.get(), counters.filesUnchanged.get(), counters.dirs.get(), counters.others.get(),
                    counters.bytesDone.get(), counters.bytesRead.get(), counters.blobsNew.get(), counters.bytesNew.get(),
                    warnings.all(), counters.elapsed());
        } finally {
            stopping = true;
            if (walker != null) {
                walker.close();
            }
            timers.shutdownNow();
            readers.shutdownNow();
            savers.shutdownNow();
        }
    }

    /** The running totals (for tests). */
    Counters counters() {
        return counters;
    }

    /** Waits for the root tree on the calling thread, watching for cancellation and saver failures. */
    private Id await(CompletableFuture<Id> root, BlobPipeline blobs) throws IOException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("backup cancelled");
            }
            if (blobs.failure() != null) {
                throw asIo(blobs.failure());
            }
            try {
                return root.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
                        && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof CancellationException c) {
                    throw c;
                }
                throw asIo(cause);
            }
        }
    }

    private static IOException asIo(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t.toString(), t);
    }

    private static void drain(ExecutorService readers, ExecutorService savers) {
        readers.shutdown();
        try {
            readers.awaitTermination(1, TimeUnit.MINUTES);
            savers.shutdown();
            savers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void saveWhatWasUploaded(Exception cause) {
        try {
            repo.flush();
        } catch (RepositoryException e) {
            cause.addSuppressed(e);
        }
    }

    /** Writes the index of the packs uploaded so far, on a timer thread, when there is something new. */
    private final class IndexWriter implements Runnable {
        private long lastBlobs;

        @Override
        public void run() {
            long now = counters.blobsNew.get();
            if (now != lastBlobs && !stopping) {
                try {
                    repo.flush();
                    lastBlobs = now;
                } catch (RepositoryException e) {
                    // the final flush will report it
                }
            }
        }
    }

    private List<Path> sources() throws IOException {
        for (Path p : options.sources()) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(abs.toString(), null, "does not exist; check the paths to back up");
            }
        }
        List<Path> list = ScanAhead.sources(options.sources());
        // (with RawNames the names below the sources are read as bytes, whatever the locale's charset)
        if (!RawNames.available() && !Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(java.nio.charset.StandardCharsets.UTF_8)) {
            listener.warning("", "file names are decoded as " + System.getProperty("sun.jnu.encoding")
                    + ", not UTF-8: non-ASCII names may be stored wrongly; run with a UTF-8 locale (LANG=C.UTF-8)");
        }
        return list;
    }

    private StoredSnapshot findParent(List<Path> sources) throws RepositoryException {
        if (options.force()) {
            return null;
        }
        if (options.parent() != null) {
            return new StoredSnapshot(options.parent(), repo.loadSnapshot(options.parent()));
        }
        List<String> paths = sources.stream().map(Path::toString).toList();
        return SnapshotFinder.latest(repo, hostname(), paths);
    }

    private String hostname() {
        return options.hostname() != null ? options.hostname() : SnapshotFinder.localHostname();
    }

    private static long ids(String attribute) {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), attribute)) & 0xffffffffL;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
