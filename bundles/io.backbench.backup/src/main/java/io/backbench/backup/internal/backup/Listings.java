package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.scan.FsEntry;

/**
 * Folder listings (every child's lstat) made once for two readers: the progress {@link Scanner}
 * and the walk visit the same folders in the same order, so whichever reaches a folder first lists
 * it and leaves the listing here, and the other takes it (and drops it). After a small change the
 * scanner, with less to do per entry, runs ahead on its own thread and the walk finds most folders
 * listed: one lstat per entry instead of two, and the listing off the walking thread. The scanner
 * starts before the repository is open ({@link ScanAhead}), so it may be a long way ahead when the
 * walk starts; it stops listing while the folders the walk has not reached yet hold
 * {@link #AHEAD} entries or more, so memory stays bounded (a few hundred bytes an entry). What it
 * listed before it ended (the sources all listed, or stopped) stays for the walk.
 *
 * <p>Listing a folder from a cold disk mostly waits for it (the folder's blocks, then each child's
 * inode), so the scanner has the subfolders of each folder it takes listed ahead on
 * {@link #PREFETCHERS} threads of their own ({@link #prefetch}), the last asked first, which is the
 * order the walk goes down in. Thread-safe.
 */
final class Listings {
    /** How many entries the listings the walk has not reached yet may hold (one large folder may hold more). */
    static final int AHEAD = 65_536;
    /**
     * Threads listing subfolders ahead of the scanner. A cold listing of the bench corpus (4 089
     * folders, 63 000 entries) in C took 0.40-0.43 s on one thread, 0.23-0.25 s on two and
     * 0.20-0.21 s on four.
     */
    static final int PREFETCHERS = 3;
    /** Folders waiting for a prefetch thread, at most. */
    static final int PREFETCH_QUEUE = 64;

    private static final int SCANNER = 1;
    private static final int WALK = 2;

    /** One child of a folder: its lstat, or why there is none (a vanished child is left out). */
    record Child(Path path, FsEntry entry, IOException error) {
    }

    /** A folder's children in directory order, and the error that ended the listing early, or null. */
    record Listing(List<Child> children, IOException error) {
    }

    /**
     * A folder's listing, made or being made (null: a prefetch that was dropped, list it yourself),
     * which of the two readers took it so far, and whether a prefetch thread made it.
     */
    private static final class Slot {
        final CompletableFuture<Listing> listing = new CompletableFuture<>();
        final AtomicInteger takers = new AtomicInteger();
        final boolean prefetched;

        Slot(boolean prefetched) {
            this.prefetched = prefetched;
        }
    }

    private final ConcurrentHashMap<Path, Slot> slots = new ConcurrentHashMap<>();
    private final int aheadLimit;
    private final Semaphore ahead;
    private final AtomicInteger listed = new AtomicInteger();
    private final AtomicInteger prefetched = new AtomicInteger();
    private final AtomicInteger prefetchesQueued = new AtomicInteger();
    /** Entries in prefetched listings that neither reader took yet (they count against half of the limit). */
    private final AtomicLong prefetchedEntries = new AtomicLong();
    private final ThreadPoolExecutor prefetchers;
    private volatile boolean scannerGone;

    Listings() {
        this(AHEAD);
    }

    /** With room for {@code aheadLimit} entries not walked yet (for tests). */
    Listings(int aheadLimit) {
        this.aheadLimit = aheadLimit;
        this.ahead = new Semaphore(aheadLimit);
        AtomicInteger n = new AtomicInteger();
        // (last in, first out: the subfolders of the folder the scanner took last are the ones it needs next)
        this.prefetchers = new ThreadPoolExecutor(PREFETCHERS, PREFETCHERS, 1, TimeUnit.SECONDS,
                new LinkedBlockingDeque<Runnable>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public boolean offer(Runnable r) {
                        return offerFirst(r);
                    }
                }, r -> {
                    Thread t = new Thread(r, "backbench-backup-list-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        prefetchers.allowCoreThreadTimeOut(true);
    }

    /** On the walking thread: the listing of {@code dir}, taken from the scanner or made now. */
    Listing forWalk(Path dir) {
        Slot slot;
        if (scannerGone) {
            // what the scanner listed before it ended is still the walk's; nothing new is kept
            slot = slots.get(dir);
            if (slot == null) {
                return listNow(dir);
            }
        } else {
            slot = slot(dir);
        }
        Listing l = slot.listing.join(); // whoever lists it finishes it without waiting for anything
        if (l == null) {
            return forWalk(dir); // a dropped prefetch: its slot is gone
        }
        took(dir, slot, WALK, l);
        ahead.release(permits(l));
        return l;
    }

    /**
     * On the scanner's thread: the listing of {@code dir}, made now or taken from the walk or a
     * prefetch; null when {@code stop} became true while waiting for the walk to catch up.
     */
    Listing forScan(Path dir, BooleanSupplier stop) throws InterruptedException {
        Slot slot = slot(dir);
        Listing l = slot.listing.join();
        if (l == null) {
            return forScan(dir, stop); // a dropped prefetch: its slot is gone
        }
        took(dir, slot, SCANNER, l);
        // the walk releases as many when it takes the listing (before or after this)
        int permits = permits(l);
        while (!ahead.tryAcquire(permits, 50, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return null;
            }
        }
        return l;
    }

    /**
     * On the scanner's thread: has {@code dirs} listed on the prefetch threads, the last one first
     * (the scanner takes them in order, so it asks for them in reverse). Only while fewer than
     * {@link #PREFETCH_QUEUE} wait to be listed and the listings not taken yet hold fewer than half
     * of {@link #AHEAD}'s entries: the others are listed when they are reached.
     */
    void prefetch(List<Path> dirs) {
        for (int i = dirs.size() - 1; i >= 0 && !scannerGone; i--) {
            if (prefetchesQueued.get() >= PREFETCH_QUEUE || prefetchedEntries.get() >= aheadLimit / 2) {
                return;
            }
            Path dir = dirs.get(i);
            Slot mine = new Slot(true);
            if (slots.putIfAbsent(dir, mine) == null) {
                prefetchesQueued.incrementAndGet();
                try {
                    prefetchers.execute(new Prefetch(dir, mine));
                } catch (RuntimeException | Error e) {
                    prefetchesQueued.decrementAndGet();
                    dropped(dir, mine); // (no thread for it: the walk or the scanner lists it)
                    if (e instanceof Error err) {
                        throw err;
                    }
                }
            }
        }
    }

    /** A folder to list on a prefetch thread. */
    private final class Prefetch implements Runnable {
        final Path dir;
        final Slot slot;

        Prefetch(Path dir, Slot slot) {
            this.dir = dir;
            this.slot = slot;
        }

        @Override
        public void run() {
            prefetched.incrementAndGet();
            try {
                complete(dir, slot);
                prefetchedEntries.addAndGet(slot.listing.join().children().size());
            } finally {
                prefetchesQueued.decrementAndGet();
            }
        }
    }

    /** A prefetch that will not run: whoever takes the slot lists the folder itself. */
    private void dropped(Path dir, Slot slot) {
        slots.remove(dir, slot);
        slot.listing.complete(null);
    }

    /** The slot of {@code dir}; when there was none, this thread lists the folder into a new one. */
    private Slot slot(Path dir) {
        Slot mine = new Slot(false);
        Slot theirs = slots.putIfAbsent(dir, mine);
        if (theirs != null) {
            return theirs;
        }
        complete(dir, mine);
        return mine;
    }

    /**
     * Records that {@code who} took the listing; the second reader's take drops it, and so does the
     * walk's once the scanner is gone (it would never take it).
     */
    private void took(Path dir, Slot slot, int who, Listing l) {
        int before = slot.takers.getAndAccumulate(who, (a, b) -> a | b);
        int takers = before | who;
        if (slot.prefetched && before == 0) {
            prefetchedEntries.addAndGet(-l.children().size());
        }
        // (scannerGone is set before it drops the walk's slots: one or the other drops this one)
        if (takers == (SCANNER | WALK) || who == WALK && scannerGone) {
            slots.remove(dir, slot);
        }
    }

    /** What a listing counts against the limit: its entries (a larger folder than that counts as the limit). */
    private int permits(Listing l) {
        return Math.min(aheadLimit, Math.max(1, l.children().size()));
    }

    /** How many listings wait for their second reader (for tests). */
    int waiting() {
        return slots.size();
    }

    /** How many folders were listed on the prefetch threads (for tests). */
    int prefetched() {
        return prefetched.get();
    }

    /** How many folders were listed (for tests: each should be listed once). */
    int listed() {
        return listed.get();
    }

    /**
     * On the scanner's thread, when it ends (done, stopped or failed): the walk lists on its own from
     * now on, and takes what the scanner listed (or had listed) before; what the walk took is dropped.
     */
    void scannerGone() {
        scannerGone = true;
        slots.values().removeIf(slot -> (slot.takers.get() & WALK) != 0);
        // the folders still waiting for a prefetch thread are not listed (the backup may be over)
        List<Runnable> queued = new java.util.ArrayList<>();
        prefetchers.getQueue().drainTo(queued);
        prefetchers.shutdown();
        for (Runnable r : queued) {
            Prefetch p = (Prefetch) r;
            prefetchesQueued.decrementAndGet();
            dropped(p.dir, p.slot);
        }
    }

    /** Folders waiting for a prefetch thread or being listed on one (for tests). */
    int prefetchesQueued() {
        return prefetchesQueued.get();
    }

    private void complete(Path dir, Slot slot) {
        try {
            slot.listing.complete(listNow(dir));
        } catch (RuntimeException | Error e) {
            slot.listing.completeExceptionally(e);
            throw e;
        }
    }

    private Listing listNow(Path dir) {
        listed.incrementAndGet();
        return list(dir);
    }

    private static Listing list(Path dir) {
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path child : ds) {
                try {
                    children.add(new Child(child, FsEntry.lstat(child), null));
                } catch (NoSuchFileException gone) {
                    // deleted since the folder was listed: nothing to back up
                } catch (IOException e) {
                    children.add(new Child(child, null, e));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            IOException io = e instanceof IOException x ? x : ((java.nio.file.DirectoryIteratorException) e).getCause();
            return new Listing(children, io);
        }
        return new Listing(children, null);
    }
}
