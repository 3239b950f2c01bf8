package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.testing.Fixture;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * A file read into its chunks' arrays (the bytes after a cut moved on to the next chunk) gives the
 * chunks that the repository's chunker cuts from the whole file in one array: through the page cache
 * and around it, for files that end inside, at and after the direct reads' pieces, with cuts
 * anywhere in them.
 */
class FileChunkerTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path tmp;

    /** The reference: the repository's chunker over the whole content, each chunk's SHA-256. */
    private static List<Id> expected(Repository repo, byte[] all) {
        Chunker c = repo.newChunker();
        c.reset();
        List<Id> ids = new ArrayList<>();
        int start = 0;
        int off = 0;
        while (off < all.length) {
            int cut = c.next(all, off, all.length - off);
            if (cut < 0) {
                break;
            }
            off += cut;
            ids.add(Id.hash(all, start, off - start));
            start = off;
        }
        if (start < all.length) {
            ids.add(Id.hash(all, start, all.length - start));
        }
        return ids;
    }

    private static List<Id> read(FileChunker chunker, Path file) throws Exception {
        return read(chunker, file, Files.size(file));
    }

    /** {@code expected}: the size the walk saw, which the file may no longer have. */
    private static List<Id> read(FileChunker chunker, Path file, long expected) throws Exception {
        FileChunker.Chunks chunks = chunker.read(file, expected, (f, ch) -> List.of());
        List<Id> ids = new ArrayList<>();
        for (CompletableFuture<Id> f : chunks.ids()) {
            ids.add(f.join());
        }
        assertEquals(Files.size(file), chunks.length());
        return ids;
    }

    @Test
    void chunksAreThoseOfTheWholeFileInOneArrayBothWays() throws Exception {
        Random rnd = new Random(11);
        byte[] zeros = new byte[5 * MIB + 77];
        byte[] pattern = new byte[3 * MIB];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i % 251 ^ i / 4093);
        }
        List<byte[]> contents = new ArrayList<>(List.of(new byte[0], Fixture.bytes(rnd, 1), Fixture.bytes(rnd, 70_000),
                Fixture.bytes(rnd, 700_000), Fixture.bytes(rnd, MIB - 1), Fixture.bytes(rnd, MIB), Fixture.bytes(rnd, MIB + 1),
                Fixture.bytes(rnd, 3 * MIB + 4097), Fixture.bytes(rnd, 9 * MIB + 65_536), Fixture.bytes(rnd, 17 * MIB + 123),
                zeros, pattern));
        ExecutorService savers = Executors.newFixedThreadPool(2);
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ChunkBuffers arrays = new ChunkBuffers(64 * MIB);
            Counters counters = new Counters();
            BlobPipeline blobs = new BlobPipeline(repo, savers, 32 * MIB, arrays, counters);
            IncrementalBackupTest.RecordingOpener direct = new IncrementalBackupTest.RecordingOpener();
            FileChunker aroundTheCache = new FileChunker(repo, direct, blobs, arrays, counters, () -> false);
            FileChunker throughTheCache = new FileChunker(repo, new DirectReadsBackupTest.CachedOnly(), blobs, arrays, counters,
                    () -> false);
            int multi = 0;
            for (int i = 0; i < contents.size(); i++) {
                byte[] all = contents.get(i);
                Path f = tmp.resolve("f" + i);
                Files.write(f, all);
                List<Id> want = expected(repo, all);
                multi += want.size() > 1 ? 1 : 0;
                assertEquals(want, read(aroundTheCache, f), "around the cache: " + all.length + " bytes");
                assertEquals(want, read(throughTheCache, f), "through the cache: " + all.length + " bytes");
                // changed since the walk saw it: read to its end all the same
                assertEquals(want, read(aroundTheCache, f, 0), "seen empty: " + all.length + " bytes");
                assertEquals(want, read(aroundTheCache, f, 2L * all.length + 3 * MIB), "seen larger: " + all.length + " bytes");
                assertEquals(want, read(aroundTheCache, f, all.length / 2), "seen smaller: " + all.length + " bytes");
                assertTrue(Arrays.equals(all, Files.readAllBytes(f)));
            }
            // (the two files over the largest chunk, 8 MiB, are always cut; where the others are cut
            // depends on the repository's random polynomial: a clone run once saw 4 in all)
            assertTrue(multi >= 2, "files of several chunks: " + multi);
            assertTrue(direct.openedDirect.size() >= 7, "files of 1 MiB and more read around the cache (an ext4 test folder): "
                    + direct.openedDirect.size());
        } finally {
            savers.shutdownNow();
        }
    }
}
