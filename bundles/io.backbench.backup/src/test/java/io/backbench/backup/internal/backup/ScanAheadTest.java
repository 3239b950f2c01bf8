package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.Repository;

/**
 * The listing of the sources that a command starts before it opens the repository ({@link ScanAhead}):
 * the backup it is given to takes it over (each folder listed once, the totals counted from the
 * start); a backup of other sources or filters leaves it alone; closing stops one no backup took.
 */
class ScanAheadTest {
    @TempDir
    Path tmp;

    /** {@code folders} folders of {@code files} small files each, below tmp/name; returns its root. */
    private Path tree(String name, int folders, int files) throws Exception {
        Path root = tmp.resolve(name);
        for (int i = 0; i < folders; i++) {
            Path d = Files.createDirectories(root.resolve("d" + i));
            for (int j = 0; j < files; j++) {
                Files.writeString(d.resolve("f" + j), name + i + "/" + j);
            }
        }
        return root;
    }

    @Test
    void aBackupTakesOverAScanThatListedEverythingBeforeItAndListsNoFolderAgain() throws Exception {
        Path src = tree("src", 30, 3);
        BackupOptions options = BackupOptions.of(List.of(src));
        ScanAhead scan = ScanAhead.start(options);
        assertTrue(scan.ended(30_000), "the scan of a small tree ends on its own");
        assertEquals(31, scan.listings().listed());
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            BackupEngine engine = new BackupEngine(repo, options, null, null, FileOpener.DEFAULT, null, scan);
            BackupResult r = engine.run();
            assertEquals(90, r.filesNew());
            assertTrue(r.complete(), r.warnings().toString());
            assertEquals(31, scan.listings().listed(), "the walk took every listing the scan had made");
            assertEquals(0, scan.listings().waiting());
            assertEquals(90, engine.counters().scanFiles.get(), "the totals the scan counted are the backup's");
        }
        scan.close();
    }

    @Test
    void aBackupOfOtherSourcesOrFiltersLeavesTheScanAloneAndClosingStopsIt() throws Exception {
        Path src = tree("src", 12, 4);
        Path other = tree("other", 2, 1);
        // room for 10 entries not walked yet: the scan stops after a few folders and waits for a walk
        ScanAhead scan = ScanAhead.start(BackupOptions.of(List.of(src)), new Listings(10));
        assertFalse(scan.ended(300), "a scan waits for the walk at its limit");
        ListingsTest.waitFor(() -> scan.listings().prefetchesQueued() == 0);
        int listed = scan.listings().listed();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            BackupResult r = new BackupEngine(repo, BackupOptions.of(List.of(other)), null, null, FileOpener.DEFAULT, null, scan)
                    .run();
            assertEquals(2, r.filesNew());
            BackupResult filtered = new BackupEngine(repo, BackupOptions.of(List.of(src)).withExcludes(List.of("d1")), null,
                    null, FileOpener.DEFAULT, null, scan).run();
            assertEquals(44, filtered.filesNew());
        }
        assertEquals(listed, scan.listings().listed(), "neither backup took the scan");
        scan.close();
        assertTrue(scan.ended(30_000), "closing stops a scan no backup took");
    }

    @Test
    void aScanIsTakenByOneBackupOnlyAndNotOnceClosed() throws Exception {
        Path src = tree("src", 3, 1);
        BackupOptions options = BackupOptions.of(List.of(src));
        ScanAhead scan = ScanAhead.start(options);
        assertTrue(scan.lists(options.withTags(List.of("t")).withParent(null)), "tags and parent are no part of the listing");
        assertTrue(scan.take(() -> false));
        assertFalse(scan.take(() -> false), "its listings are one walk's");
        scan.close();
        ScanAhead closed = ScanAhead.start(options);
        closed.close();
        assertFalse(closed.take(() -> false));
    }

    @Test
    void aBackupTakingAScanWaitingAtItsLimitListsEachFolderOnce() throws Exception {
        Path src = tree("src", 12, 4);
        BackupOptions options = BackupOptions.of(List.of(src));
        ScanAhead scan = ScanAhead.start(options, new Listings(10));
        assertFalse(scan.ended(300), "a scan waits for the walk at its limit");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            BackupResult r = new BackupEngine(repo, options, null, null, FileOpener.DEFAULT, null, scan).run();
            assertEquals(48, r.filesNew());
            assertEquals(13, scan.listings().listed(), "each folder listed once");
        }
        scan.close();
    }

    @Test
    void aScanTakenByABackupThatFailsBeforeItsWalkEndsWithoutBeingClosed() throws Exception {
        Path src = tree("src", 12, 4);
        // the second source does not exist: the backup fails before it walks anything
        BackupOptions options = BackupOptions.of(List.of(src, tmp.resolve("missing")));
        ScanAhead scan = ScanAhead.start(options, new Listings(10));
        assertFalse(scan.ended(300), "a scan waits for the walk at its limit");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            BackupEngine engine = new BackupEngine(repo, options, null, null, FileOpener.DEFAULT, null, scan);
            assertThrows(NoSuchFileException.class, engine::run);
        }
        assertTrue(scan.ended(30_000), "the backup that took the scan stopped it");
    }
}
