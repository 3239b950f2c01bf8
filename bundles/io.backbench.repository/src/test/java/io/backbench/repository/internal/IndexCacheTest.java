package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.Tree;
import io.backbench.repository.oracle.FolderTarget;

/**
 * The copies of the index files on this machine ({@link IndexCache}): what a copy holds is what the
 * index file holds; a repository opened with a cache folder takes its index from the copies; and a
 * copy that is damaged, of another file or of a file the repository no longer lists is never used.
 */
class IndexCacheTest {
    @TempDir
    Path dir;

    private Path repoDir() {
        return dir.resolve("repo");
    }

    private RepositoryOptions cached() {
        return RepositoryTest.OPTS.withCacheDir(dir.resolve("cache"));
    }

    private static Id randomId(Random rnd) {
        byte[] b = new byte[Id.SIZE];
        rnd.nextBytes(b);
        return Id.of(b);
    }

    @Test
    void aCopyReadsBackAsTheBlobsWrittenInTheirOrder() throws Exception {
        Random rnd = new Random(1);
        List<PackedBlob> blobs = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            Id pack = randomId(rnd);
            for (int i = 0; i < 40; i++) {
                // offsets past 4 GiB, blobs stored raw (uncompressed length 0) and compressed, both types
                blobs.add(new PackedBlob(randomId(rnd), i % 3 == 0 ? BlobType.TREE : BlobType.DATA, pack,
                        (long) p << 33 | rnd.nextInt(1 << 24), 33 + rnd.nextInt(1 << 20), i % 2 == 0 ? 0 : 1 + rnd.nextInt(1 << 22)));
            }
        }
        IndexCache cache = new IndexCache(dir);
        Id file = randomId(rnd);
        cache.write(file, blobs);
        assertEquals(blobs, cache.read(file));
        assertEquals(List.of(file.hex()), cache.names(), "one file, no temporary left");

        cache.write(file, List.of());
        assertEquals(List.of(), cache.read(file), "an index file without blobs");
        assertNull(cache.read(randomId(rnd)), "no copy of a file never written");
    }

    @Test
    void aDamagedCopyOrACopyOfAnotherFileIsNotUsed() throws Exception {
        Random rnd = new Random(2);
        Id pack = randomId(rnd);
        List<PackedBlob> blobs = List.of(new PackedBlob(randomId(rnd), BlobType.DATA, pack, 0, 100, 200),
                new PackedBlob(randomId(rnd), BlobType.TREE, pack, 100, 50, 0));
        IndexCache cache = new IndexCache(dir);
        Id file = randomId(rnd);
        cache.write(file, blobs);
        byte[] good = Files.readAllBytes(dir.resolve(file.hex()));
        for (int at : new int[] {0, 5, 20, good.length / 2, good.length - 10, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(dir.resolve(file.hex()), bad);
            assertNull(cache.read(file), "a byte changed at " + at);
        }
        Files.write(dir.resolve(file.hex()), java.util.Arrays.copyOf(good, good.length - 7));
        assertNull(cache.read(file), "cut short");
        Files.write(dir.resolve(file.hex()), new byte[0]);
        assertNull(cache.read(file), "empty");

        // a good copy under the name of another index file: it names the file it was made of
        Id other = randomId(rnd);
        Files.write(dir.resolve(other.hex()), good);
        assertNull(cache.read(other));
        Files.write(dir.resolve(file.hex()), good);
        assertEquals(blobs, cache.read(file), "the same bytes under their own name are good");
    }

    @Test
    void retainDeletesTheCopiesOfFilesNoLongerListedAndOldTemporaries() throws Exception {
        Random rnd = new Random(3);
        IndexCache cache = new IndexCache(dir);
        Id kept = randomId(rnd);
        Id gone = randomId(rnd);
        cache.write(kept, List.of());
        cache.write(gone, List.of());
        Path fresh = Files.createFile(dir.resolve(randomId(rnd).hex() + "123.tmp"));
        Path old = Files.createFile(dir.resolve(randomId(rnd).hex() + "456.tmp"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));

        cache.retain(List.of(kept));
        Set<String> left = new HashSet<>(cache.names());
        assertEquals(Set.of(kept.hex(), fresh.getFileName().toString()), left,
                "another process may be writing the fresh temporary; the old one is a killed process's");
        new IndexCache(dir.resolve("never-made")).retain(List.of(kept)); // no folder: nothing to do, no error
    }

    @Test
    void theFoldersOfRepositoriesNoOpenUsedFor30DaysAreDeleted() throws Exception {
        Random rnd = new Random(6);
        Path root = dir.resolve("index");
        Path myFolder = root.resolve(randomId(rnd).hex());
        IndexCache mine = new IndexCache(myFolder);
        Id file = randomId(rnd);
        mine.write(file, List.of());
        Path old = root.resolve(randomId(rnd).hex());
        new IndexCache(old).write(randomId(rnd), List.of());
        Path recent = root.resolve(randomId(rnd).hex());
        new IndexCache(recent).write(randomId(rnd), List.of());
        Path notARepository = Files.createDirectories(root.resolve("keep-me"));
        Instant longAgo = Instant.now().minus(java.time.Duration.ofDays(IndexCache.UNUSED_DAYS + 1));
        Instant lately = Instant.now().minus(java.time.Duration.ofDays(IndexCache.UNUSED_DAYS - 1));
        for (Path p : List.of(myFolder, old, notARepository)) {
            Files.setLastModifiedTime(p, FileTime.from(longAgo));
        }
        Files.setLastModifiedTime(recent, FileTime.from(lately));

        mine.retain(List.of(file));
        assertFalse(Files.exists(old), "unused for more than 30 days");
        assertTrue(Files.isDirectory(recent), "used 29 days ago");
        assertTrue(Files.isDirectory(notARepository), "not named as a repository's folder");
        assertEquals(List.of(file.hex()), mine.names(), "its own copies stay, however old its folder was");
        assertTrue(Files.getLastModifiedTime(myFolder).toInstant().isAfter(lately), "this open marks its own folder as used");
    }

    @Test
    void aCopyThatCannotBeWrittenIsNoError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        IndexCache cache = new IndexCache(notAFolder.resolve("index"));
        Id file = randomId(new Random(4));
        cache.write(file, List.of());
        assertNull(cache.read(file));
    }

    @Test
    void writingAndReadingAnIndexFileLeavesACopyOfExactlyItsBlobs() throws Exception {
        Random rnd = new Random(5);
        Set<Id> saved = new HashSet<>();
        try (Repository repo = Repositories.init(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            for (int file = 0; file < 3; file++) {
                for (int i = 0; i < 200; i++) {
                    byte[] b = new byte[100 + rnd.nextInt(4000)];
                    rnd.nextBytes(b);
                    saved.add(repo.saveBlob(BlobType.DATA, b, 0, b.length));
                }
                saved.add(repo.saveTree(new Tree(List.of())));
                repo.flush(); // an index file per flush
            }
        }
        List<Id> files;
        try (ResticRepository repo = (ResticRepository) Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW,
                RepositoryTest.OPTS)) {
            files = repo.store().list(Store.INDEX);
            assertEquals(3, files.size());
            IndexCache cache = new IndexCache(IndexCache.folder(dir.resolve("cache"), repo.config().id()));
            assertEquals(files.stream().map(Id::hex).sorted().toList(), cache.names().stream().sorted().toList(),
                    "a copy of each index file the session wrote");
            for (Id f : files) {
                List<PackedBlob> json = IndexCodec.decode(repo.store().loadUnpacked(repo.master(), Store.INDEX, f), "test").blobs();
                assertEquals(json, cache.read(f), "the copy of " + f.shortHex());
            }
        }

        // copies made by reading: the next open with the cache folder makes them again
        deleteTree(dir.resolve("cache"));
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            assertEquals(saved.size(), repo.index().size());
            IndexCache cache = new IndexCache(IndexCache.folder(dir.resolve("cache"), repo.config().id()));
            for (Id f : files) {
                assertNotNull(cache.read(f), "copied when read: " + f.shortHex());
            }
        }
    }

    @Test
    void anOpenTakesTheIndexFromTheCopiesAndReadsTheFileAgainWhenACopyIsDamaged() throws Exception {
        Id blob;
        Id indexFile;
        String repoId;
        try (ResticRepository repo = (ResticRepository) Repositories.init(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            byte[] b = "a blob".getBytes();
            blob = repo.saveBlob(BlobType.DATA, b, 0, b.length);
            byte[] c = "another blob".getBytes();
            repo.saveBlob(BlobType.DATA, c, 0, c.length);
            repo.flush();
            indexFile = repo.store().list(Store.INDEX).get(0);
            repoId = repo.config().id();
        }
        IndexCache cache = new IndexCache(IndexCache.folder(dir.resolve("cache"), repoId));
        List<PackedBlob> copy = cache.read(indexFile);
        assertEquals(2, copy.size());
        // a copy that leaves a blob out (as no real copy would): the open believes it, which shows
        // that the copy, not the index file, was read
        cache.write(indexFile, copy.stream().filter(p -> !p.id().equals(blob)).toList());
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            assertFalse(repo.hasBlob(BlobType.DATA, blob));
            assertEquals(1, repo.index().size());
        }
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, RepositoryTest.OPTS)) {
            assertTrue(repo.hasBlob(BlobType.DATA, blob), "without the cache folder the index file is read");
        }

        // damaged: not used, and replaced by a good copy
        Path file = IndexCache.folder(dir.resolve("cache"), repoId).resolve(indexFile.hex());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            assertTrue(repo.hasBlob(BlobType.DATA, blob));
            assertEquals(2, repo.index().size());
        }
        assertEquals(copy, cache.read(indexFile), "the damaged copy was made again from the index file");
    }

    @Test
    void copiesOfIndexFilesAPruneReplacedAreDeletedAndCheckReadsTheFilesThemselves() throws Exception {
        String repoId;
        List<Id> before;
        try (ResticRepository repo = (ResticRepository) Repositories.init(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            for (int i = 0; i < 3; i++) {
                byte[] b = ("blob " + i).getBytes();
                repo.saveBlob(BlobType.DATA, b, 0, b.length);
                repo.flush();
            }
            repoId = repo.config().id();
            before = repo.store().list(Store.INDEX);
        }
        assertEquals(3, before.size());
        // a rebuild writes one new index file and deletes the three
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            RepositoryOperations.rebuildIndex(repo, false);
        }
        List<Id> after;
        try (ResticRepository repo = (ResticRepository) Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            after = repo.store().list(Store.INDEX);
            assertEquals(3, repo.index().size());
        }
        IndexCache cache = new IndexCache(IndexCache.folder(dir.resolve("cache"), repoId));
        assertEquals(after.stream().map(Id::hex).sorted().toList(), cache.names().stream().sorted().toList(),
                "only the copies of the files the repository lists now");
        assertTrue(before.stream().noneMatch(after::contains));

        // a wrong copy does not hide a problem from check, nor make one up
        Id listed = after.get(0);
        cache.write(listed, List.of());
        try (Repository repo = Repositories.open(new FolderTarget(repoDir()), RepositoryTest.PW, cached())) {
            var report = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(report.errors().isEmpty(), () -> "check reads the index files: " + report.errors());
            assertEquals(3, report.blobsRead());
        }
    }

    private static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
