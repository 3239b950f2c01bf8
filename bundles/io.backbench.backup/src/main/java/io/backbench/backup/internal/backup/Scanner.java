package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.backbench.backup.internal.scan.FsEntry;
import io.backbench.backup.internal.scan.PathFilter;
import io.backbench.backup.internal.scan.RawNames;
import io.backbench.repository.api.NodeType;

/**
 * Counts the files and bytes a backup will go through, on its own thread beside the real walk, so
 * progress has totals and an ETA (restic does the same). The folder listings it makes are the walk's
 * too ({@link Listings}): counting costs no second lstat. Errors are ignored: the walk reports them.
 */
final class Scanner implements Runnable {
    private final List<Path> sources;
    private final PathFilter filter;
    private final Counters counters;
    private final BooleanSupplier stop;
    private final Listings listings;

    Scanner(List<Path> sources, PathFilter filter, Counters counters, BooleanSupplier stop, Listings listings) {
        this.listings = listings;
        this.sources = sources;
        this.filter = filter;
        this.counters = counters;
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            for (Path s : sources) {
                FsEntry e = FsEntry.lstat(s);
                count(e, e.dev());
            }
        } catch (IOException | RuntimeException e) {
            // totals stay estimates
        } finally {
            listings.scannerGone();
            counters.scanDone = true;
        }
    }

    private void count(FsEntry e, long rootDev) {
        if (stop.getAsBoolean()) {
            return;
        }
        if (e.type() == NodeType.FILE) {
            counters.scanFiles.incrementAndGet();
            counters.scanBytes.addAndGet(e.size());
        } else if (e.type() == NodeType.DIR && filter.descend(e, rootDev)) {
            Listings.Listing listing;
            try {
                listing = listings.forScan(e.path(), stop);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (listing == null) {
                return; // stopped
            }
            List<Listings.Child> kept = new ArrayList<>(listing.children().size());
            List<Path> folders = new ArrayList<>();
            for (Listings.Child c : listing.children()) {
                // an unreadable child or folder, or a name the walk cannot store: the walk warns
                if (c.entry() != null && filter.keep(c.entry(), rootDev)
                        && (RawNames.available() || RawNames.name(c.path()) != null)) {
                    kept.add(c);
                    if (c.entry().type() == NodeType.DIR && filter.descend(c.entry(), rootDev)) {
                        folders.add(c.path());
                    }
                }
            }
            listings.prefetch(folders);
            for (Listings.Child c : kept) {
                count(c.entry(), rootDev);
            }
        }
    }
}
