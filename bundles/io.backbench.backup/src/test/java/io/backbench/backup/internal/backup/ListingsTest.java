package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner and the walk share folder listings: each folder is listed once, and nothing is kept after both saw it. */
class ListingsTest {
    @TempDir
    Path tmp;

    private List<Path> folders() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path d = Files.createDirectories(tmp.resolve("d" + i).resolve("sub"));
            Files.writeString(d.resolve("f.txt"), "x" + i);
            dirs.add(d.getParent());
            dirs.add(d);
        }
        return dirs;
    }

    @Test
    void theScannerAndTheWalkGetTheSameListingOfEachFolderAndNothingIsLeftOver() throws Exception {
        List<Path> dirs = folders();
        Listings listings = new Listings();
        CompletableFuture<List<Listings.Listing>> scanned = CompletableFuture.supplyAsync(() -> {
            List<Listings.Listing> out = new ArrayList<>();
            for (Path d : dirs) {
                try {
                    out.add(listings.forScan(d, () -> false));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        });
        List<Listings.Listing> walked = new ArrayList<>();
        for (Path d : dirs) {
            walked.add(listings.forWalk(d));
        }
        List<Listings.Listing> fromScan = scanned.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < dirs.size(); i++) {
            assertSame(walked.get(i), fromScan.get(i), "one listing of " + dirs.get(i));
            assertNull(walked.get(i).error());
            assertEquals(1, walked.get(i).children().size(), walked.get(i).toString());
            assertNotNull(walked.get(i).children().get(0).entry());
        }
        assertEquals(0, listings.waiting());
    }

    @Test
    void afterTheScannerIsGoneTheWalkListsAloneAndKeepsNothing() throws Exception {
        List<Path> dirs = folders();
        Listings listings = new Listings();
        listings.forScan(dirs.get(0), () -> false);
        listings.scannerGone();
        for (Path d : dirs) {
            assertEquals(1, listings.forWalk(d).children().size());
        }
        assertEquals(0, listings.waiting());
    }

    @Test
    void aFolderThatCannotBeListedCarriesTheErrorForTheWalkToReport() {
        Listings.Listing l = new Listings().forWalk(tmp.resolve("missing"));
        assertNotNull(l.error());
        assertEquals(0, l.children().size());
    }

    @Test
    void whatTheScannerListedBeforeItEndedIsStillTheWalksAndNoFolderIsListedTwice() throws Exception {
        List<Path> dirs = folders();
        Listings listings = new Listings();
        for (Path d : dirs) {
            listings.forScan(d, () -> false);
        }
        listings.scannerGone();
        for (Path d : dirs) {
            assertEquals(1, listings.forWalk(d).children().size());
        }
        assertEquals(dirs.size(), listings.listed(), "each folder listed once");
        assertEquals(0, listings.waiting());
    }

    @Test
    void foldersAskedForAheadAreListedOnThePrefetchThreadsOnceForBothReadersEvenAfterTheScannerEnded() throws Exception {
        List<Path> dirs = folders();
        Listings listings = new Listings();
        listings.prefetch(dirs.subList(0, 30)); // (fewer than the queue's 64)
        for (Path d : dirs.subList(0, 10)) {
            assertEquals(1, listings.forScan(d, () -> false).children().size());
        }
        // every prefetch started: the scanner's end drops those still queued (their takers list them),
        // and keeps what was listed or is being listed, which is what this test is about
        waitFor(() -> listings.prefetchesQueued() == 0);
        listings.scannerGone();
        for (Path d : dirs) {
            assertEquals(1, listings.forWalk(d).children().size(), d.toString());
        }
        assertEquals(30, listings.prefetched(), "every folder asked for listed ahead");
        assertEquals(dirs.size(), listings.listed(), "and none listed again");
        assertEquals(0, listings.waiting());
    }

    @Test
    void nothingMoreIsListedAheadWhileTheListingsNobodyTookHoldHalfTheLimit() throws Exception {
        List<Path> dirs = folders(); // 80 folders of one entry each
        List<Path> first = dirs.subList(0, 40);
        List<Path> then = dirs.subList(40, 80);
        Listings listings = new Listings(10);
        listings.prefetch(first);
        waitFor(() -> listings.prefetchesQueued() == 0);
        int ahead = listings.prefetched();
        assertTrue(ahead >= 5 && ahead <= 40, "listed ahead: " + ahead);
        listings.prefetch(then);
        waitFor(() -> listings.prefetchesQueued() == 0);
        assertEquals(ahead, listings.prefetched(), "5 entries nobody took: nothing more");
        for (Path d : first) {
            listings.forWalk(d);
        }
        listings.prefetch(then);
        waitFor(() -> listings.prefetchesQueued() == 0);
        assertTrue(listings.prefetched() > ahead, "once they were taken, more is listed ahead");
    }

    @Test
    void theScannerStopsListingWhileTheFoldersNotWalkedYetHoldTheLimitOfEntries() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path d = Files.createDirectories(tmp.resolve("many" + i));
            for (int j = 0; j < 4; j++) {
                Files.writeString(d.resolve("f" + j), "x");
            }
            dirs.add(d);
        }
        // room for 10 entries: two folders of 4 take 8; the third is listed, and the scanner waits
        Listings listings = new Listings(10);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger scanned = new AtomicInteger();
        CompletableFuture<Void> scanner = CompletableFuture.runAsync(() -> {
            for (Path d : dirs) {
                try {
                    if (listings.forScan(d, stop::get) == null) {
                        return;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                scanned.incrementAndGet();
            }
        });
        waitFor(() -> listings.waiting() == 3);
        Thread.sleep(300); // (time for a scanner that ignored the limit to list more)
        assertEquals(3, listings.waiting(), "listed and not walked");
        assertEquals(2, scanned.get());
        assertEquals(4, listings.forWalk(dirs.get(0)).children().size());
        // the walk took 4 entries: the scanner goes on by one folder
        waitFor(() -> scanned.get() == 3 && listings.listed() == 4);
        Thread.sleep(300); // (time for a scanner that ignored the limit to list more)
        assertEquals(3, listings.waiting(), "listed and not walked");
        stop.set(true);
        scanner.get(30, TimeUnit.SECONDS);
        assertEquals(4, listings.listed());
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
