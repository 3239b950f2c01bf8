package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.SourceScan;
import io.backbench.backup.internal.scan.PathFilter;

/**
 * The progress {@link Scanner} of one backup on a thread of its own, with the folder listings it
 * leaves for the walk ({@link Listings}) and the totals it counts. A command starts it before it opens
 * the repository: opening derives the key from the password (a few hundred milliseconds of one core)
 * while listing folders from a cold disk mostly waits for the disk, so the two overlap, and the walk
 * finds the first folders listed. The engine starts one itself when it was given none.
 */
public final class ScanAhead implements SourceScan {
    private final List<Object> selection;
    private final PathFilter filter;
    private final Counters counters;
    private final Listings listings;
    private volatile boolean closed;
    private volatile BooleanSupplier alsoStop = () -> false;
    private boolean taken;
    private final Thread thread;

    private ScanAhead(List<Object> selection, List<Path> sources, PathFilter filter, Counters counters, Listings listings) {
        this.selection = selection;
        this.listings = listings;
        this.filter = filter;
        this.counters = counters;
        thread = new Thread(new Scanner(sources, filter, counters, () -> closed || alsoStop.getAsBoolean(), listings),
                "backbench-backup-scan");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts listing {@code options.sources()} as a backup with these options will walk them; null
     * when their filter cannot be made (a missing exclude file), which the backup then reports.
     */
    public static ScanAhead start(BackupOptions options) {
        try {
            return start(options, PathFilter.of(options), new Counters());
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts listing, counting into {@code counters}. */
    static ScanAhead start(BackupOptions options, PathFilter filter, Counters counters) {
        return new ScanAhead(selection(options), sources(options.sources()), filter, counters, new Listings());
    }

    /** Starts listing into {@code listings} (for tests: one with a small limit). */
    static ScanAhead start(BackupOptions options, Listings listings) throws IOException {
        return new ScanAhead(selection(options), sources(options.sources()), PathFilter.of(options), new Counters(), listings);
    }

    /**
     * The sources as a backup takes them: absolute, normalised, each once, and none below another
     * (which it already covers). Whether they exist is not looked at.
     */
    static List<Path> sources(List<Path> given) {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        for (Path p : given) {
            out.add(p.toAbsolutePath().normalize());
        }
        List<Path> list = new ArrayList<>(out);
        list.removeIf(p -> list.stream().anyMatch(q -> !q.equals(p) && p.startsWith(q)));
        return list;
    }

    /** Whether this scan lists what a backup with {@code options} walks (its parent, tags and so on aside). */
    boolean lists(BackupOptions options) {
        return selection.equals(selection(options));
    }

    private static List<Object> selection(BackupOptions o) {
        return List.of(sources(o.sources()), o.excludes(), o.excludeFiles(), o.includes(), o.excludeCaches(),
                o.oneFileSystem(), o.maxFileSize(), o.minFileSize());
    }

    PathFilter filter() {
        return filter;
    }

    Counters counters() {
        return counters;
    }

    Listings listings() {
        return listings;
    }

    /**
     * Hands this scan to a backup, which stops it when {@code stop} says true; false if it was closed
     * or handed over before (its listings are a single walk's).
     */
    synchronized boolean take(BooleanSupplier stop) {
        if (taken || closed) {
            return false;
        }
        taken = true;
        alsoStop = stop;
        return true;
    }

    /** Whether the scan's thread ended within {@code millis} (for tests). */
    boolean ended(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Stops the scan (a backup that took it stops it too, when it ends). */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
