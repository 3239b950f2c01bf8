package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.backup.testing.Restic;
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Repository;

/**
 * Change detection. Proving that a file is NOT opened needs a witness: as root no permission stops a
 * read, and content cannot be changed while size, mtime and ctime stay the same. So every open the
 * engine makes (content and extended attributes) goes through its FileOpener seam, which this test
 * wraps with a recorder around the real opener: files are real, reads are real, the test only
 * counts. restic then checks the incremental snapshot.
 */
class IncrementalBackupTest {
    @TempDir
    Path tmp;

    /** The real opener, recording every path it opens, and apart those it opened around the page cache. */
    static final class RecordingOpener implements FileOpener {
        final Set<Path> opened = ConcurrentHashMap.newKeySet();
        final Set<Path> openedDirect = ConcurrentHashMap.newKeySet();

        @Override
        public FileChannel open(Path file) throws IOException {
            opened.add(file);
            return FileOpener.DEFAULT.open(file);
        }

        @Override
        public FileChannel openDirect(Path file) throws IOException {
            FileChannel ch = FileOpener.DEFAULT.openDirect(file);
            if (ch != null) {
                openedDirect.add(file);
            }
            return ch;
        }

        @Override
        public List<ExtendedAttribute> xattrs(Path path) throws IOException {
            if (!Files.isDirectory(path)) {
                opened.add(path);
            }
            return FileOpener.DEFAULT.xattrs(path);
        }
    }

    @Test
    void secondBackupOpensOnlyTheChangedFilesAndStoresOnlyTheirNewChunks() throws Exception {
        Path src = tmp.resolve("src");
        Random rnd = new Random(9);
        for (int i = 0; i < 100; i++) {
            Path d = Files.createDirectories(src.resolve("d" + (i % 7)));
            Files.write(d.resolve("f" + i), Fixture.bytes(rnd, 1000 + rnd.nextInt(20_000)));
        }
        Files.write(src.resolve("big.bin"), Fixture.bytes(rnd, 8 << 20));
        Path repoDir = tmp.resolve("repo");
        try (Repository repo = Repos.init(repoDir)) {
            RecordingOpener first = new RecordingOpener();
            BackupResult r1 = new BackupEngine(repo, BackupOptions.of(src), null, null, first).run();
            assertEquals(101, r1.filesNew());
            assertEquals(101, first.opened.size());

            // change two small files and append to the big one; add one file
            Files.write(src.resolve("d3/f3"), Fixture.bytes(rnd, 5000));
            Files.write(src.resolve("d5/f12"), Fixture.bytes(rnd, 7000));
            Files.write(src.resolve("big.bin"), Fixture.bytes(rnd, 100_000), java.nio.file.StandardOpenOption.APPEND);
            Files.write(src.resolve("d0/new"), Fixture.bytes(rnd, 3000));

            RecordingOpener second = new RecordingOpener();
            BackupResult r2 = new BackupEngine(repo, BackupOptions.of(src), null, null, second).run();
            Set<String> opened = new TreeSet<>();
            second.opened.forEach(p -> opened.add(src.relativize(p).toString()));
            assertEquals(new TreeSet<>(List.of("big.bin", "d0/new", "d3/f3", "d5/f12")), opened);
            assertEquals(r1.snapshot(), r2.parent());
            assertEquals(1, r2.filesNew());
            assertEquals(3, r2.filesChanged());
            assertEquals(98, r2.filesUnchanged());
            // the big file's chunks before its last are unchanged content: new data is its last chunk
            // as it was (cut by the end of the file, its length depends on the repository's random
            // polynomial), the appended bytes, and the three small files
            long newData = 5000 + 7000 + 3000 + 100_000;
            List<io.backbench.repository.api.Id> bigChunks = node(repo, repo.loadSnapshot(r1.snapshot()).tree(),
                    src.resolve("big.bin")).content();
            assertTrue(bigChunks.size() > 1, "an 8 MiB file of random bytes has several chunks");
            long lastChunk = repo.loadBlob(io.backbench.repository.api.BlobType.DATA, bigChunks.get(bigChunks.size() - 1)).length;
            assertTrue(r2.bytesNew() >= newData && r2.bytesNew() <= newData + lastChunk,
                    "new bytes " + r2.bytesNew() + ": the 15 kB of small files, the 100 kB appended, and at most the "
                            + lastChunk + " bytes of the old last chunk");
            assertEquals(8 * 1048576 + newData, r2.bytesRead(), "read exactly the changed and new files");

            // --force reads everything again but stores nothing new
            RecordingOpener forced = new RecordingOpener();
            BackupResult r3 = new BackupEngine(repo, BackupOptions.of(src).withForce(true), null, null, forced).run();
            assertEquals(102, forced.opened.size());
            assertEquals(0, r3.blobsNew(), "no new data blobs");
            assertEquals(0, r3.bytesNew());
            assertEquals(102, r3.filesNew(), "--force compares with no parent");
        }
        String check = new Restic(repoDir, Repos.PASSWORD).run("check", "--read-data").ok().out();
        assertTrue(check.contains("no errors were found"), check);
    }

    /** The node at the absolute path {@code p} in the snapshot tree {@code root}. */
    static io.backbench.repository.api.Node node(Repository repo, io.backbench.repository.api.Id root, Path p) throws Exception {
        io.backbench.repository.api.Node n = null;
        io.backbench.repository.api.Id tree = root;
        for (Path part : p) {
            n = repo.loadTree(tree).find(part.toString());
            tree = n.subtree();
        }
        return n;
    }

    @Test
    void aFileWhoseCtimeChangedIsReadAgainEvenWithTheSameSizeAndMtime() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a"), "first");
        Fixture.setTimes(src.resolve("a"), java.time.Instant.ofEpochSecond(1_600_000_000L, 5), java.time.Instant.ofEpochSecond(1_600_000_000L));
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT).run();
            Thread.sleep(20);
            Files.writeString(src.resolve("a"), "other");
            // same size, mtime put back: only ctime tells
            Fixture.setTimes(src.resolve("a"), java.time.Instant.ofEpochSecond(1_600_000_000L, 5), java.time.Instant.ofEpochSecond(1_600_000_000L));
            RecordingOpener rec = new RecordingOpener();
            BackupResult r = new BackupEngine(repo, BackupOptions.of(src), null, null, rec).run();
            assertEquals(1, r.filesChanged());
            assertFalse(rec.opened.isEmpty());
        }
    }
}
