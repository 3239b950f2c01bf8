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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * listed before it ended (the sources all listed, or stopped) stays for the walk. Thread-safe.
 */
final class Listings {
    /** How many entries the listings the walk has not reached yet may hold (one large folder may hold more). */
    static final int AHEAD = 65_536;

    /** One child of a folder: its lstat, or why there is none (a vanished child is left out). */
    record Child(Path path, FsEntry entry, IOException error) {
    }

    /** A folder's children in directory order, and the error that ended the listing early, or null. */
    record Listing(List<Child> children, IOException error) {
    }

    /** A listing left for the other reader, and who made it. */
    private record Left(CompletableFuture<Listing> listing, boolean byScanner) {
    }

    private final ConcurrentHashMap<Path, Left> waiting = new ConcurrentHashMap<>();
    private final int aheadLimit;
    private final Semaphore ahead;
    private final AtomicInteger listed = new AtomicInteger();
    private volatile boolean scannerGone;

    Listings() {
        this(AHEAD);
    }

    /** With room for {@code aheadLimit} entries not walked yet (for tests). */
    Listings(int aheadLimit) {
        this.aheadLimit = aheadLimit;
        this.ahead = new Semaphore(aheadLimit);
    }

    /** On the walking thread: the listing of {@code dir}, taken from the scanner or made now. */
    Listing forWalk(Path dir) {
        if (scannerGone) {
            // what the scanner listed before it ended is still the walk's; nothing new is kept
            Left left = waiting.remove(dir);
            return left != null ? taken(left) : listNow(dir);
        }
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        Left theirs = waiting.putIfAbsent(dir, new Left(mine, false));
        if (theirs != null) {
            waiting.remove(dir);
            return taken(theirs);
        }
        return complete(dir, mine);
    }

    private Listing taken(Left scanners) {
        Listing l = scanners.listing().join(); // the scanner finishes it without waiting for anything
        ahead.release(permits(l));
        return l;
    }

    /**
     * On the scanner's thread: the listing of {@code dir}, made now or taken from the walk; null
     * when {@code stop} became true while waiting for the walk to catch up.
     */
    Listing forScan(Path dir, BooleanSupplier stop) throws InterruptedException {
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        Left theirs = waiting.putIfAbsent(dir, new Left(mine, true));
        if (theirs != null) {
            waiting.remove(dir); // the walk got there first
            return theirs.listing().join();
        }
        Listing l = complete(dir, mine);
        // the walk releases as many when it takes the listing (before or after this)
        int permits = permits(l);
        while (!ahead.tryAcquire(permits, 50, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return null;
            }
        }
        return l;
    }

    /** What a listing counts against the limit: its entries (a larger folder than that counts as the limit). */
    private int permits(Listing l) {
        return Math.min(aheadLimit, Math.max(1, l.children().size()));
    }

    /** How many listings wait for their second reader (for tests). */
    int waiting() {
        return waiting.size();
    }

    /** How many folders were listed (for tests: each should be listed once). */
    int listed() {
        return listed.get();
    }

    /**
     * On the scanner's thread, when it ends (done, stopped or failed): the walk lists on its own from
     * now on, and takes what the scanner listed before.
     */
    void scannerGone() {
        scannerGone = true;
        waiting.values().removeIf(left -> !left.byScanner());
    }

    private Listing complete(Path dir, CompletableFuture<Listing> f) {
        Listing l;
        try {
            l = listNow(dir);
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
            throw e;
        }
        f.complete(l);
        return l;
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
