package io.backbench.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.RunQuery;

/** The catalog of a CLI command: opened on first use, without a server until it records a run. */
class LazyCatalogTest {
    @TempDir
    Path dir;

    private LazyCatalog lazy;
    private Process child;

    @AfterEach
    void close() throws InterruptedException {
        if (lazy != null) {
            lazy.close();
        }
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private LazyCatalog cliCatalog(AtomicInteger opens) {
        lazy = LazyCatalog.of(serve -> {
            opens.incrementAndGet();
            return JdbcCatalog.openH2(dir, Clock.systemUTC(), serve, Duration.ofSeconds(15));
        }, false);
        return lazy;
    }

    private String lockServer() throws IOException {
        Path lockFile = dir.resolve(H2Settings.NAME + ".lock.db");
        if (!Files.exists(lockFile)) {
            return null;
        }
        Properties lock = new Properties();
        try (Reader r = Files.newBufferedReader(lockFile)) {
            lock.load(r);
        }
        return lock.getProperty("server");
    }

    @Test
    void aCommandThatNeverUsesTheCatalogOpensNoDatabase() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        Catalog c = cliCatalog(opens).proxy();
        c.addListener(change -> { });
        assertTrue(c.toString().contains("first use"), c.toString());
        assertEquals(0, opens.get());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no database file");
        }
    }

    @Test
    void theFirstCallOpensTheFileWithoutAServerAndRecordingARunServesIt() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        Catalog c = cliCatalog(opens).proxy();
        assertEquals(List.of(), c.jobs());
        assertEquals(1, opens.get());
        assertNull(lockServer(), "no TCP server for a command that only reads");
        assertFalse(lazy.serving());

        c.startRun(new NewRun(null, "adhoc", "backup", "/repo", Instant.now()));
        assertTrue(lazy.serving());
        String server = lockServer();
        assertTrue(server != null && (server.startsWith("127.0.0.1:") || server.startsWith("localhost:")), "a command running a job serves the catalog: " + server);
        assertEquals(1, c.runs(RunQuery.newest()).items().size(), "the run is recorded once, in the reopened catalog");
    }

    @Test
    void listenersAddedBeforeTheOpenAreToldOfChanges() {
        List<CatalogChange> changes = new CopyOnWriteArrayList<>();
        Catalog c = cliCatalog(new AtomicInteger()).proxy();
        c.addListener(changes::add);
        c.startRun(new NewRun(null, "adhoc", "backup", "/repo", Instant.now()));
        assertFalse(changes.isEmpty());
    }

    @Test
    void aFileHeldByACommandWithoutAServerIsWaitedForWithAClearErrorWhenTheWaitEnds() throws Exception {
        child = startHolder(H2Settings.url(dir, false));
        CatalogException e = assertThrows(CatalogException.class, () -> JdbcCatalog.openH2(dir, Clock.systemUTC(), false, Duration.ZERO));
        assertTrue(e.getMessage().contains("in use by another Backbench process") && e.getMessage().contains("try again"), e.getMessage());

        CompletableFuture<JdbcCatalog> waiting = CompletableFuture.supplyAsync(
                () -> JdbcCatalog.openH2(dir, Clock.systemUTC(), false, Duration.ofSeconds(60)));
        child.destroyForcibly();
        JdbcCatalog c = waiting.get(90, TimeUnit.SECONDS);
        try {
            assertEquals(4, c.runs(RunQuery.newest()).items().size(), "the holder's runs");
        } finally {
            c.close();
        }
    }

    @Test
    void aCommandUsesTheServerOfTheProcessThatHoldsTheFile() throws Exception {
        child = startHolder(H2Settings.url(dir, true));
        JdbcCatalog c = JdbcCatalog.openH2(dir, Clock.systemUTC(), false, Duration.ZERO);
        try {
            assertEquals(4, c.runs(RunQuery.newest()).items().size(), "the holder's runs, read through its server");
        } finally {
            c.close();
        }
    }

    /** A child process (KillChild) that opens the catalog, records runs and keeps it open. */
    private Process startHolder(String url) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KillChild.class.getName(), url, "", "")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(line != null && line.startsWith("RUNNING "), "the child said: " + line);
        return p;
    }
}
