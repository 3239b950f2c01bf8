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
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.scan.FsEntry;

/**
 * Folder listings (every child's lstat) made once for two readers: the progress {@link Scanner}
 * and the walk visit the same folders in the same order, so whichever reaches a folder first lists
 * it and leaves the listing here, and the other takes it (and drops it). After a small change the
 * scanner, with less to do per entry, runs ahead on its own thread and the walk finds most folders
 * listed: one lstat per entry instead of two, and the listing off the walking thread. The scanner may
 * be at most {@link #AHEAD} listings ahead of the walk, so memory stays bounded. Thread-safe.
 */
final class Listings {
    /** How many folders the scanner may have listed that the walk has not reached yet. */
    static final int AHEAD = 512;

    /** One child of a folder: its lstat, or why there is none (a vanished child is left out). */
    record Child(Path path, FsEntry entry, IOException error) {
    }

    /** A folder's children in directory order, and the error that ended the listing early, or null. */
    record Listing(List<Child> children, IOException error) {
    }

    private final ConcurrentHashMap<Path, CompletableFuture<Listing>> waiting = new ConcurrentHashMap<>();
    private final Semaphore ahead = new Semaphore(AHEAD);
    private volatile boolean scannerGone;

    /** On the walking thread: the listing of {@code dir}, taken from the scanner or made now. */
    Listing forWalk(Path dir) {
        if (scannerGone) {
            return list(dir); // nobody would take it: keep nothing
        }
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        CompletableFuture<Listing> theirs = waiting.putIfAbsent(dir, mine);
        if (theirs != null) {
            waiting.remove(dir);
            ahead.release();
            return theirs.join(); // the scanner finishes it without waiting for anything
        }
        return complete(dir, mine);
    }

    /**
     * On the scanner's thread: the listing of {@code dir}, made now or taken from the walk; null
     * when {@code stop} became true while waiting for the walk to catch up.
     */
    Listing forScan(Path dir, BooleanSupplier stop) throws InterruptedException {
        CompletableFuture<Listing> theirs = waiting.get(dir);
        if (theirs == null) {
            while (!ahead.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    return null;
                }
            }
            CompletableFuture<Listing> mine = new CompletableFuture<>();
            theirs = waiting.putIfAbsent(dir, mine);
            if (theirs == null) {
                return complete(dir, mine);
            }
            ahead.release(); // the walk got there first after all
        }
        waiting.remove(dir);
        return theirs.join();
    }

    /** How many listings wait for their second reader (for tests). */
    int waiting() {
        return waiting.size();
    }

    /** On the scanner's thread, when it ends (done, stopped or failed): the walk lists on its own from now on. */
    void scannerGone() {
        scannerGone = true;
        waiting.clear();
    }

    private static Listing complete(Path dir, CompletableFuture<Listing> f) {
        Listing l;
        try {
            l = list(dir);
        } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
            throw e;
        }
        f.complete(l);
        return l;
    }

    static Listing list(Path dir) {
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
