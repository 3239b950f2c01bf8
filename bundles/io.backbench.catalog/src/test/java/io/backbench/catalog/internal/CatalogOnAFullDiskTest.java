package io.backbench.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.RunQuery;

/**
 * The embedded catalog on a real file system that runs full: a small tmpfs (the tests run as root
 * here and in CI, so a failure to mount is a failure). Nothing is lost, the message says the disk is
 * full, and the catalog works again once there is space.
 */
class CatalogOnAFullDiskTest {
    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            sh("umount", mounted.toString());
        }
    }

    @Test
    void aFirstOpenCutShortByAFullDiskSaysSoAndCompletesOnceThereIsSpace() throws Exception {
        mount("1m");
        Path filler = fill(48 << 10); // room for part of the schema, not all of it
        Path folder = mounted.resolve("catalog");
        CatalogException full = assertThrows(CatalogException.class, () -> JdbcCatalog.openH2(folder, Clock.systemUTC()).close());
        assertTrue(full.getMessage().contains("is full"), full.getMessage());

        Files.delete(filler);
        try (JdbcCatalog c = JdbcCatalog.openH2(folder, Clock.systemUTC())) {
            assertEquals(Migrator.latest(), c.schemaVersion());
            Testing.runs(c, 10);
            assertEquals(10, c.runs(RunQuery.newest()).total());
        }
    }

    @Test
    void aCatalogWhoseDiskRunsFullKeepsWhatItHeldAndWorksOnceThereIsSpace() throws Exception {
        mount("4m");
        Path folder = mounted.resolve("catalog");
        try (JdbcCatalog c = JdbcCatalog.openH2(folder, Clock.systemUTC())) {
            Testing.runs(c, 20);
        }
        Path filler = fill(0);
        CatalogException full = assertThrows(CatalogException.class, () -> {
            try (JdbcCatalog c = JdbcCatalog.openH2(folder, Clock.systemUTC())) {
                Testing.runs(c, 2000);
            }
        });
        assertTrue(full.getMessage().contains("is full"), full.getMessage());

        Files.delete(filler);
        try (JdbcCatalog c = JdbcCatalog.openH2(folder, Clock.systemUTC())) {
            long held = c.runs(RunQuery.newest()).total();
            assertTrue(held >= 20, "the 20 runs from before the disk ran full are kept: " + held);
            Testing.runs(c, 5);
            assertEquals(held + 5, c.runs(RunQuery.newest()).total());
        }
    }

    private void mount(String size) throws Exception {
        mounted = Files.createDirectories(dir.resolve("small-disk"));
        assertEquals(0, sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mounted.toString()),
                "cannot mount a tmpfs (the test needs root)");
    }

    /** A file that leaves about {@code leave} bytes free on the small disk. */
    private Path fill(long leave) throws IOException {
        Path filler = mounted.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(mounted).getUsableSpace() > leave + block.length) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            // the disk is full: as full as it gets
        }
        return filler;
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
