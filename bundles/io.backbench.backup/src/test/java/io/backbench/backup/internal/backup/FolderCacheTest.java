package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * The folder cache ({@link FolderCache}) must never change what a backup stores: after every kind of
 * change, a backup with the cache gives the very tree (same id) that a backup without it gives, from
 * the same parent, of the same files. And when nothing changed it must actually save the work: no
 * file opened, no tree of the parent loaded. The same files are backed up twice per step: into the
 * repository with the cache, and into a copy of it without; reads could move a file's atime between
 * the two, so files are read once after each change, before both (relatime then leaves them alone).
 */
class FolderCacheTest {
    @TempDir
    Path tmp;

    @Test
    void givesTheTreesABackupWithoutItGivesAfterEveryKindOfChange() throws Exception {
        Path src = tmp.resolve("src");
        Fixture.build(src, 31);
        Random rnd = new Random(5);
        for (int i = 0; i < 40; i++) {
            Path d = Files.createDirectories(src.resolve("many/d" + (i % 4)));
            Files.write(d.resolve("f" + i), Fixture.bytes(rnd, 100 + rnd.nextInt(5000)));
        }
        Path cache = tmp.resolve("cache");
        Path repoDir = tmp.resolve("repo");
        settle(src);
        try (Repository repo = Repos.init(repoDir)) {
            new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache).run();
        }
        List<Step> steps = List.of(
                new Step("a file's content, same size", () -> Files.write(src.resolve("many/d1/f5"),
                        Fixture.bytes(rnd, (int) Files.size(src.resolve("many/d1/f5"))))),
                new Step("appended to, and a file added deep down", () -> {
                    Files.write(src.resolve("many/d2/f6"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
                    Files.write(Files.createDirectories(src.resolve("many/d3/new/deeper")).resolve("n"), Fixture.bytes(rnd, 777));
                }),
                new Step("a file deleted, a folder renamed", () -> {
                    Files.delete(src.resolve("many/d0/f4"));
                    Files.move(src.resolve("many/d3/new"), src.resolve("many/d3/renamed"));
                }),
                // (both change the ctime too: the file is read again, with the cache as without)
                new Step("a file's mode", () -> Fixture.mode(src.resolve("many/d1/f9"), 0600)),
                new Step("a file's atime", () -> Fixture.setTimes(src.resolve("many/d2/f10"),
                        Instant.ofEpochSecond(1_600_000_000L, 7), Instant.ofEpochSecond(1_700_000_000L, 9))),
                new Step("extended attributes on a file and a folder", () -> {
                    Fixture.xattr(src.resolve("many/d0/f8"), "user.tag", new byte[] {9});
                    Fixture.xattr(src.resolve("many/d2"), "user.where", "here".getBytes());
                }),
                new Step("a file replaced by a folder of its name, a symlink's target", () -> {
                    Files.delete(src.resolve("many/d1/f13"));
                    Files.write(Files.createDirectories(src.resolve("many/d1/f13")).resolve("inside"), new byte[] {4});
                    Files.createSymbolicLink(src.resolve("many/link"), Path.of("first"));
                }),
                new Step("the symlink made again elsewhere", () -> {
                    Files.delete(src.resolve("many/link"));
                    Files.createSymbolicLink(src.resolve("many/link"), Path.of("second/target"));
                }));
        for (Step step : steps) {
            step.change.run();
            settle(src);
            Path copy = tmp.resolve("copy");
            deleteTree(copy);
            copyTree(repoDir, copy);
            // (the source's trees are compared: the folders on the way, /tmp among them, change as
            // other processes work)
            Id without;
            try (Repository repo = Repos.open(copy)) {
                Id snapshot = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT).run().snapshot();
                without = IncrementalBackupTest.node(repo, repo.loadSnapshot(snapshot).tree(), src).subtree();
            }
            try (Repository repo = Repos.open(repoDir)) {
                BackupEngine engine = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache);
                BackupResult r = engine.run();
                assertEquals(without, sourceTree(repo, r, src), step.what);
                assertTrue(engine.counters().foldersKept.get() > 0, step.what + ": the unchanged folders came from the cache");
            }
        }

        // nothing changed: no file opened, no tree of the parent loaded, every folder kept
        try (Repository real = Repos.open(repoDir)) {
            AtomicInteger treesLoaded = new AtomicInteger();
            Repository repo = counting(real, treesLoaded);
            IncrementalBackupTest.RecordingOpener opener = new IncrementalBackupTest.RecordingOpener();
            BackupEngine engine = new BackupEngine(repo, BackupOptions.of(src), null, null, opener, cache);
            BackupResult r = engine.run();
            assertEquals(List.of(), List.copyOf(opener.opened));
            assertEquals(0, r.filesNew() + r.filesChanged());
            long folders;
            try (Stream<Path> all = Files.walk(src)) {
                folders = all.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).count();
            }
            assertEquals(folders, engine.counters().foldersKept.get(), "every folder below the source kept as it was");
            // the root of the snapshot and the folders on the way to the source: read as before
            assertTrue(treesLoaded.get() <= src.getNameCount() + 1, treesLoaded.get() + " trees loaded");
        }
        String check = new Restic(repoDir, Repos.PASSWORD).run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
    }

    @Test
    void aDamagedCacheOrOneOfAnotherSnapshotIsIgnored() throws Exception {
        Path src = tmp.resolve("src");
        Fixture.build(src, 8);
        settle(src);
        Path cache = tmp.resolve("cache");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache).run();
            Path file = onlyFile(cache);
            // one byte flipped in the middle
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.seek(f.length() / 2);
                int b = f.read();
                f.seek(f.length() / 2);
                f.write(b ^ 0x10);
            }
            BackupEngine damaged = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache);
            BackupResult r = damaged.run();
            assertEquals(0, damaged.counters().foldersKept.get(), "a damaged cache is not used");
            assertEquals(0, r.filesNew() + r.filesChanged(), "the parent's trees were used instead");

            // a backup without the cache: the cache now belongs to a snapshot that is not the parent
            Id tree = sourceTree(repo, new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT).run(), src);
            BackupEngine foreign = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache);
            BackupResult r2 = foreign.run();
            assertEquals(0, foreign.counters().foldersKept.get(), "a cache of another snapshot is not used");
            assertEquals(tree, sourceTree(repo, r2, src));

            // and the cache written by that run is used by the next
            BackupEngine next = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache);
            assertEquals(tree, sourceTree(repo, next.run(), src));
            assertTrue(next.counters().foldersKept.get() > 0);
        }
    }

    @Test
    void anEntryWhoseMetadataAloneChangedIsNotReadAgain() throws Exception {
        // only its atime, moved by a read (relatime), changes an entry's lstat without its ctime; a test
        // cannot wait the 24 hours after which relatime moves it again, so the cache says so instead:
        // every entry's fingerprint is altered, their content fingerprints are left as they were
        Path src = tmp.resolve("src");
        Fixture.build(src, 12);
        settle(src);
        Path cache = tmp.resolve("cache");
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            Id first = new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT, cache).run().snapshot();
            Path file = onlyFile(cache);
            FolderCache loaded = FolderCache.load(file).forParent(first);
            FolderCache altered = FolderCache.empty();
            for (String key : loaded.keys()) {
                FolderCache.Folder f = loaded.before(key);
                java.util.Map<String, FolderCache.Entry> entries = new java.util.HashMap<>();
                f.entries().forEach((name, e) -> {
                    byte[] fp = e.fingerprint().clone();
                    fp[0] ^= 1;
                    entries.put(name, new FolderCache.Entry(fp, e.content(), e.offset(), e.length(), e.subtree()));
                });
                altered.record(key, new FolderCache.Folder(f.tree(), entries));
            }
            altered.save(file, first);

            IncrementalBackupTest.RecordingOpener opener = new IncrementalBackupTest.RecordingOpener();
            BackupEngine engine = new BackupEngine(repo, BackupOptions.of(src), null, null, opener, cache);
            BackupResult r = engine.run();
            assertEquals(List.of(), List.copyOf(opener.opened), "the old nodes gave every file's content");
            assertEquals(0, r.filesNew() + r.filesChanged());
            long empty = loaded.keys().stream().filter(k -> loaded.before(k).entries().isEmpty()).count();
            assertEquals(empty, engine.counters().foldersKept.get(), "only empty folders kept as they were: every entry looked changed");
            assertEquals(IncrementalBackupTest.node(repo, repo.loadSnapshot(first).tree(), src).subtree(), sourceTree(repo, r, src));
        }
    }

    /** The one cache file a backup wrote into {@code cache}. */
    private static Path onlyFile(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static Id sourceTree(Repository repo, BackupResult r, Path src) throws Exception {
        return IncrementalBackupTest.node(repo, repo.loadSnapshot(r.snapshot()).tree(), src).subtree();
    }

    private record Step(String what, Change change) {
    }

    private interface Change {
        void run() throws Exception;
    }

    /**
     * Reads every regular file and symlink once (and lists every folder), so that later reads leave
     * their atimes alone (relatime). First it waits a few clock ticks: the kernel stamps times with a
     * coarse clock, and an atime equal to the ctime of a change made in the same tick would move again
     * at the next read (relatime moves an atime that is not after the ctime).
     */
    private static void settle(Path root) throws IOException, InterruptedException {
        Thread.sleep(30);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.readAllBytes(p);
                } else if (Files.isSymbolicLink(p)) {
                    Files.readSymbolicLink(p);
                }
            }
        }
    }

    /** The real repository, counting the trees it loads. */
    private static Repository counting(Repository real, AtomicInteger trees) {
        return (Repository) Proxy.newProxyInstance(Repository.class.getClassLoader(), new Class<?>[] {Repository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("loadTree")
                            || (method.getName().startsWith("loadBlob") && args != null && args[0] == BlobType.TREE)) {
                        trees.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
